namespace Bhyt.Etl.Detection.Coverage;

/// <summary>
/// Every threshold of the coverage detector in one place. Rates are in percentage points (điểm %), group falls in
/// percent of the group's earlier count. Severity grows with the magnitude: low from the threshold, then medium, then high.
/// </summary>
public sealed record CoverageThresholds
{
    /// <summary>Fall of the coverage rate between consecutive periods of the same kind that is a drop, by period kind.</summary>
    public IReadOnlyDictionary<string, double> DropPoints { get; init; } = new Dictionary<string, double>
    {
        ["month"] = 2.0, ["quarter"] = 2.0, ["year"] = 2.0, ["date"] = 2.0, ["range"] = 3.0,
    };

    /// <summary>A drop is medium from this many points, high from <see cref="DropHighPoints"/>.</summary>
    public double DropMediumPoints { get; init; } = 5.0;
    public double DropHighPoints { get; init; } = 10.0;

    /// <summary>How far below the period's target the rate must be to be reported.</summary>
    public double BelowTargetPoints { get; init; } = 2.0;
    public double BelowTargetMediumPoints { get; init; } = 5.0;
    public double BelowTargetHighPoints { get; init; } = 10.0;

    /// <summary>A contributor group collapses when it loses this share of its members…</summary>
    public double GroupFallPercent { get; init; } = 20.0;
    public double GroupFallMediumPercent { get; init; } = 35.0;
    public double GroupFallHighPercent { get; init; } = 50.0;

    /// <summary>…and the loss weighs at least this much among the earlier participants (a tiny group's swing is noise)…</summary>
    public double GroupFallMinPercentOfParticipants { get; init; } = 1.0;

    /// <summary>…and, when the warehouse holds the group's share, the share falls at least this many points.</summary>
    public double GroupShareFallPoints { get; init; } = 1.0;

    /// <summary>The children named as explaining a parent's drop: at most this many, until they cover this share of the fall.</summary>
    public int ChildrenNamed { get; init; } = 5;
    public double ChildrenCoverShare { get; init; } = 0.8;

    public static CoverageThresholds Default { get; } = new();

    public double DropThreshold(string periodKind) => DropPoints.TryGetValue(periodKind, out var points) ? points : 2.0;
}
