namespace Bhyt.Etl.Detection;

/// <summary>
/// One thing a detector found, before it is stored in <c>dw.anomaly</c>: its kind (<see cref="AnomalyKinds"/>), what it is
/// about (a unit, a facility, a claim, a card — by pseudonym — or a province's fund), the period, the measure with its
/// value and what was expected, a score and severity, the method and a Vietnamese sentence a leader understands.
/// Its identity is (<see cref="Kind"/>, <see cref="SubjectKind"/>, <see cref="SubjectCode"/>, <see cref="PeriodLabel"/>):
/// detecting it again updates the stored anomaly, never duplicates it, and never resets a reviewer's verdict.
/// </summary>
public sealed record AnomalyFinding(
    string Kind, string SubjectKind, string SubjectCode, string? PeriodLabel, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    string Measure, double? Value, double? Expected, double? Score, string Severity, string Method, string Explanation)
{
    public string? UnitCode { get; init; }
    public string? FacilityCode { get; init; }

    /// <summary>The MA_LK of the claim a claim-level flag is about (one finding per flagged claim).</summary>
    public string? ClaimId { get; init; }

    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
}
