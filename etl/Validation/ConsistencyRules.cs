using System.Globalization;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Validation;

/// <summary>
/// Arithmetic consistency of one file's figures, per unit, period and kind: every <c>sum_of</c> rule of the catalog
/// (absent children count as not reported), coverage rate = insured / population, and the five groups' shares
/// summing to 100. Violations are warnings: the data loads and every violation is recorded.
/// </summary>
public static class ConsistencyRules
{
    private const decimal Tolerance = 0.5m;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly string[] GroupShares =
        ["grp_employer_share", "grp_social_insurance_share", "grp_state_share", "grp_state_support_share", "grp_household_share"];

    public static IEnumerable<ValidationIssue> Check(IReadOnlyList<Figure> figures, IndicatorCatalog catalog)
    {
        foreach (var group in figures.GroupBy(f => (f.Unit.UnitKey, f.Period.Label, f.ValueKind)))
        {
            var byCode = group.GroupBy(f => f.Indicator.Code).ToDictionary(g => g.Key, g => g.Last());
            foreach (var issue in SumRules(byCode, catalog).Concat(CoverageRate(byCode)).Concat(Shares(byCode)))
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

    private static IEnumerable<ValidationIssue> CoverageRate(Dictionary<string, Figure> byCode)
    {
        if (!byCode.TryGetValue("cov_rate", out var rate) || !byCode.TryGetValue("cov_participants", out var insured)
            || !byCode.TryGetValue("cov_population", out var population) || population.Value == 0) yield break;
        var computed = insured.Value / population.Value * 100m;
        if (Math.Abs(computed - rate.Value) > RoundingOf(rate.Source.Text) + 0.005m)
            yield return Warning("coverage.rate",
                $"Tỷ lệ bao phủ ({Describe(rate)}) ghi {N(rate.Value)}% nhưng số tham gia / dân số = {N(insured.Value)} / {N(population.Value)} = {computed.ToString("N2", Vi)}%.", rate);
    }

    private static IEnumerable<ValidationIssue> Shares(Dictionary<string, Figure> byCode)
    {
        var reported = GroupShares.Where(byCode.ContainsKey).Select(c => byCode[c]).ToList();
        if (reported.Count == 0) yield break;
        var sum = reported.Sum(s => s.Value);
        if (sum > 100m + Tolerance || (reported.Count == GroupShares.Length && Math.Abs(sum - 100m) > Tolerance))
            yield return Warning("groups.shares_sum",
                $"Tỷ trọng các nhóm đối tượng ({Describe(reported[0])}) cộng lại = {N(sum)}%, không phải 100% " +
                $"({string.Join(" + ", reported.Select(s => $"{s.Indicator.Code} {N(s.Value)}"))}).", reported[0]);
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
