using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Validation;

/// <summary>
/// Impossible values, which are errors: a negative count or amount, a rate below 0 or above 100 where the measure
/// is bounded. Revenue against plan and spending against budget may exceed 100 %.
/// </summary>
public static class ValueBounds
{
    private static readonly HashSet<string> PercentAllowedAbove100 = ["fund_revenue_vs_plan", "fund_spending_vs_budget"];

    public static (decimal? Value, ValidationIssue? Error) Check(Indicator indicator, decimal value, string location, string? text)
    {
        if (value < 0)
            return (null, ValidationIssue.ErrorAt("value.negative",
                $"Giá trị âm ({value}) không hợp lệ cho chỉ tiêu {indicator.Code} ({indicator.Unit}).", location, text));
        if (indicator.Unit == "percent" && value > 100 && !PercentAllowedAbove100.Contains(indicator.Code))
            return (null, ValidationIssue.ErrorAt("value.above_100",
                $"Tỷ lệ {value}% vượt quá 100% cho chỉ tiêu {indicator.Code}.", location, text));
        return (value, null);
    }
}
