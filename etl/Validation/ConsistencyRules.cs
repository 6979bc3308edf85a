using System.Globalization;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Validation;

/// <summary>
/// Arithmetic consistency of one file's figures, per unit, period and kind, from the catalog's own rules: every
/// <c>sum_of</c> rule (absent children count as not reported), every ratio definition (a written rate against its
/// numerator / denominator × scale, within the rounding of the written rate — coverage rate = insured / population, the
/// groups' shares…), and the shares of one whole (ratios over the same denominator whose numerators are its
/// <c>sum_of</c> parts, e.g. the five groups' shares of the insured) summing to the scale. Violations are warnings: the
/// data loads and every violation is recorded.
/// </summary>
public static class ConsistencyRules
{
    private const decimal Tolerance = 0.5m;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static IEnumerable<ValidationIssue> Check(IReadOnlyList<Figure> figures, IndicatorCatalog catalog)
    {
        foreach (var group in figures.GroupBy(f => (f.Unit.UnitKey, f.Period.Label, f.ValueKind)))
        {
            var byCode = group.GroupBy(f => f.Indicator.Code).ToDictionary(g => g.Key, g => g.Last());
            foreach (var issue in SumRules(byCode, catalog).Concat(Ratios(byCode, catalog)).Concat(Shares(byCode, catalog)))
                yield return issue;
        }
    }

    private static IEnumerable<ValidationIssue> SumRules(Dictionary<string, Figure> byCode, IndicatorCatalog catalog)
    {
        foreach (var parent in byCode.Values.Where(f => f.Indicator.SumOfCodes.Count > 0))
        {
            var children = parent.Indicator.SumOfCodes;
            var reported = children.Where(byCode.ContainsKey).Select(c => byCode[c]).ToList();
            if (reported.Count == 0) continue;
            var sum = reported.Sum(c => c.Value);
            var differs = Math.Abs(sum - parent.Value) > Tolerance;
            if (!(sum > parent.Value + Tolerance || (differs && reported.Count >= 2) || (differs && reported.Count == children.Count)))
                continue;
            var absent = children.Where(c => !byCode.ContainsKey(c)).ToList();
            var message = $"{parent.Indicator.Code} ({Describe(parent)}) = {N(parent.Value)} nhưng tổng các thành phần = {N(sum)} " +
                          $"({string.Join(" + ", reported.Select(c => $"{c.Indicator.Code} {N(c.Value)}"))})" +
                          (absent.Count > 0 ? $"; chưa báo cáo: {string.Join(", ", absent)}." : ".");
            yield return Warning($"sum_of:{parent.Indicator.Code}", message, parent);
        }
    }

    private static IEnumerable<ValidationIssue> Ratios(Dictionary<string, Figure> byCode, IndicatorCatalog catalog)
    {
        foreach (var indicator in catalog.Ratios)
        {
            var ratio = indicator.Ratio!;
            if (!byCode.TryGetValue(indicator.Code, out var written) || !byCode.TryGetValue(ratio.Numerator, out var numerator)
                || !byCode.TryGetValue(ratio.Denominator, out var denominator) || denominator.Value == 0) continue;
            var computed = numerator.Value / denominator.Value * ratio.Scale;
            if (Math.Abs(computed - written.Value) > RoundingOf(written.Source.Text) + 0.005m)
                yield return Warning($"ratio:{indicator.Code}",
                    $"{indicator.Code} ({Describe(written)}) ghi {N(written.Value)} nhưng {ratio} = {N(numerator.Value)} / {N(denominator.Value)} × {N(ratio.Scale)} = {computed.ToString("N2", Vi)}.",
                    written);
        }
    }

    /// <summary>The ratios that split one whole: same denominator, numerators among the denominator's <c>sum_of</c> parts (the groups' shares of the insured).</summary>
    private static IEnumerable<IGrouping<string, Indicator>> ShareGroups(IndicatorCatalog catalog) =>
        catalog.Ratios.Where(r => catalog.Find(r.Ratio!.Denominator)?.SumOfCodes.Contains(r.Ratio.Numerator) == true)
            .GroupBy(r => r.Ratio!.Denominator).Where(g => g.Count() > 1);

    private static IEnumerable<ValidationIssue> Shares(Dictionary<string, Figure> byCode, IndicatorCatalog catalog)
    {
        foreach (var group in ShareGroups(catalog))
        {
            var reported = group.Where(r => byCode.ContainsKey(r.Code)).Select(r => byCode[r.Code]).ToList();
            if (reported.Count == 0) continue;
            var whole = group.First().Ratio!.Scale;
            var sum = reported.Sum(s => s.Value);
            if (sum > whole + Tolerance || (reported.Count == group.Count() && Math.Abs(sum - whole) > Tolerance))
                yield return Warning($"shares:{group.Key}",
                    $"Tỷ trọng các thành phần của {group.Key} ({Describe(reported[0])}) cộng lại = {N(sum)}, không phải {N(whole)} " +
                    $"({string.Join(" + ", reported.Select(s => $"{s.Indicator.Code} {N(s.Value)}"))}).", reported[0]);
        }
    }

    /// <summary>Half a unit of the last digit written, e.g. 0.05 for "98,8".</summary>
    private static decimal RoundingOf(string text)
    {
        var digits = text.Reverse().TakeWhile(char.IsDigit).Count();
        var hasSeparator = text.Length > digits && text[^(digits + 1)] is ',' or '.';
        var decimals = hasSeparator && digits < 3 ? digits : 0;
        return 0.5m / (decimal)Math.Pow(10, decimals);
    }

    private static string Describe(Figure f) => $"{f.Unit.Name}, {f.Period.Label}{(f.ValueKind == Figure.Target ? ", chỉ tiêu" : "")}";

    private static string N(decimal value) => value.ToString("#,##0.##", Vi);

    private static ValidationIssue Warning(string rule, string message, Figure at) => new(
        ValidationIssue.Warning, rule, message, at.Source.Location, at.Unit.UnitCode, at.Period.Label, at.Indicator.Code, at.Source.Text);
}
