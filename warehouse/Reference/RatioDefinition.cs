namespace Bhyt.Warehouse.Reference;

/// <summary>
/// How the catalog computes a ratio indicator from two others of the same unit, period and kind:
/// <c>numerator / denominator × scale</c> (e.g. <c>cov_rate = cov_participants / cov_population × 100</c>,
/// <c>kcb_cost_per_visit = spend_kcb / kcb_visits × 1,000,000</c>: million VND per visit in VND). One definition drives
/// the load's consistency warning (a written rate against its parts), the derived values stored in the warehouse
/// (<c>source = 'derived'</c>, <c>source_ref = 'ratio'</c>) and what the pages show.
/// </summary>
public sealed record RatioDefinition(string Numerator, string Denominator, decimal Scale)
{
    /// <summary>Decimals a derived ratio is stored with.</summary>
    public const int Decimals = 2;

    public decimal? Compute(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator * Scale, Decimals, MidpointRounding.AwayFromZero);

    public override string ToString() => $"{Numerator} / {Denominator} × {Scale:0.##}";
}
