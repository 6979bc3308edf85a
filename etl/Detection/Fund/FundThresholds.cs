namespace Bhyt.Etl.Detection.Fund;

/// <summary>Every threshold of the fund detector in one place (percent of the annual budget or plan).</summary>
public sealed record FundThresholds
{
    /// <summary>Months of the year that must be in before a projection is trusted.</summary>
    public int MinMonths { get; init; } = 2;

    /// <summary>Months that must be in before a linear projection (no complete earlier year) is trusted: a seasonal
    /// first quarter would otherwise look like an overrun every year.</summary>
    public int LinearMinMonths { get; init; } = 6;

    /// <summary>Projected spending above the budget by at least this much is flagged when earlier years give the seasonal shape…</summary>
    public double OverrunPercent { get; init; } = 5.0;

    /// <summary>…and by this much when the projection is linear (no complete earlier year): less knowledge, wider band.</summary>
    public double LinearOverrunPercent { get; init; } = 10.0;

    /// <summary>Projected revenue below the plan by at least this much is flagged (seasonal shape / linear).</summary>
    public double ShortfallPercent { get; init; } = 5.0;
    public double LinearShortfallPercent { get; init; } = 10.0;

    /// <summary>Severity: medium from this gap, high from the next.</summary>
    public double MediumPercent { get; init; } = 10.0;
    public double HighPercent { get; init; } = 20.0;

    public static FundThresholds Default { get; } = new();
}
