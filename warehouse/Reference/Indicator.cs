namespace Bhyt.Warehouse.Reference;

/// <summary>
/// One code of the indicator vocabulary (spec/indicators.csv, bundled as the project's catalog), with its sum rule and,
/// for a ratio the catalog can compute, its <see cref="RatioDefinition"/> (numerator / denominator × scale).
/// </summary>
public sealed record Indicator(
    string Code, int Annex, string Topic, string NameVi, string NameEn, string Unit, string Measure, string? SumOf, RatioDefinition? Ratio = null)
{
    /// <summary>The codes this indicator is the sum of (empty when it has no <c>sum_of</c> rule).</summary>
    public IReadOnlyList<string> SumOfCodes =>
        string.IsNullOrWhiteSpace(SumOf) ? [] : SumOf.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Stocks and flows: a merged unit's figure is the (weighted) sum of its parts' figures; a ratio never is.</summary>
    public bool IsSummable => Measure is "stock" or "flow";
}
