namespace Bhyt.Warehouse.Reference;

/// <summary>One code of the indicator vocabulary (spec/indicators.csv, bundled as the project's catalog).</summary>
public sealed record Indicator(
    string Code, int Annex, string Topic, string NameVi, string NameEn, string Unit, string Measure, string? SumOf)
{
    /// <summary>The codes this indicator is the sum of (empty when it has no <c>sum_of</c> rule).</summary>
    public IReadOnlyList<string> SumOfCodes =>
        string.IsNullOrWhiteSpace(SumOf) ? [] : SumOf.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
