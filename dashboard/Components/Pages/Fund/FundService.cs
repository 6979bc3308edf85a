using Bhyt.Dashboard.Charts;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Fund;

/// <summary>One month of the fund: revenue vs plan, spending vs budget, and the year-to-date running totals.</summary>
/// <param name="SourceNote">Set when the month's figures were computed by the warehouse (mapped from the units before 2025): says so.</param>
public sealed record FundMonth(DateTime Month, double? Revenue, double? RevenuePlan, double? Spending, double? Budget,
    double? RevenueToDate, double? PlanToDate, double? SpendingToDate, double? BudgetToDate, string? SourceNote = null)
{
    /// <summary>Spending to date as % of the budget to date (above 100 = running ahead of the budget's pace).</summary>
    public double? SpendingPace => SpendingToDate is { } s && BudgetToDate is { } b && b > 0 ? Math.Round(s / b * 100, 1) : null;

    public double? RevenuePace => RevenueToDate is { } r && PlanToDate is { } p && p > 0 ? Math.Round(r / p * 100, 1) : null;
}

public sealed record FundData(IReadOnlyList<FundMonth> Months, IReadOnlyList<ChartSegment> RevenueChart, IReadOnlyList<ChartSegment> SpendingChart, bool SummedFromChildren);

/// <summary>
/// The Quỹ BHYT page: monthly fund figures of the chosen year (province figures; the country sums its provinces when
/// it has no figures of its own). The pace line is the year-to-date plan or budget: spending above it runs ahead.
/// </summary>
public sealed class FundService(IndicatorQueries indicators)
{
    private static readonly string[] Codes = ["fund_revenue", "fund_revenue_plan", "fund_kcb_spending", "fund_kcb_budget"];

    public async Task<FundData> LoadAsync(UnitInfo unit, Selection selection, CancellationToken ct)
    {
        var year = selection with { From = selection.Year, To = selection.Year };
        var figures = await indicators.ForUnitAsync(unit, year, Codes, ct);
        var summed = false;
        if (Monthly(figures).Count == 0 && unit.Level == "country")
        {
            figures = await indicators.ForChildrenAsync(unit, year, Codes, ct);
            summed = figures.Count > 0;
        }
        var monthly = Monthly(figures);
        var derived = figures.Where(f => f.Figure.IsDerived && f.Figure.Shape == PeriodShape.Month)
            .ToLookup(f => f.Figure.Start, f => f.Figure.SourceVi);

        var months = new List<FundMonth>();
        double? revenue = 0, plan = 0, spending = 0, budget = 0;
        for (var m = 1; m <= 12; m++)
        {
            var month = new DateTime(selection.Year, m, 1);
            double? Get(string code) => monthly.TryGetValue((code, month), out var v) ? v : null;
            var (r, p, s, b) = (Get("fund_revenue"), Get("fund_revenue_plan"), Get("fund_kcb_spending"), Get("fund_kcb_budget"));
            if (r is null && p is null && s is null && b is null) continue;
            revenue = revenue + r; plan = plan + p; spending = spending + s; budget = budget + b;
            months.Add(new FundMonth(month, r, p, s, b, revenue, plan, spending, budget,
                derived[month].Any() ? string.Join("; ", derived[month].Distinct()) : null));
        }

        var revenueChart = SeriesBuilder.MonthlySegments("Thu lũy kế", "#0b5394", false, Points(months, f => f.RevenueToDate))
            .Concat(SeriesBuilder.MonthlySegments("Kế hoạch thu lũy kế (nhịp kế hoạch)", "#cc0000", true, Points(months, f => f.PlanToDate))).ToList();
        var spendingChart = SeriesBuilder.MonthlySegments("Chi KCB lũy kế", "#e69138", false, Points(months, f => f.SpendingToDate))
            .Concat(SeriesBuilder.MonthlySegments("Dự toán lũy kế (nhịp dự toán)", "#cc0000", true, Points(months, f => f.BudgetToDate))).ToList();
        return new FundData(months, revenueChart, spendingChart, summed);
    }

    private static IEnumerable<(DateTime, double)> Points(IEnumerable<FundMonth> months, Func<FundMonth, double?> value) =>
        months.Where(m => value(m) is not null).Select(m => (m.Month, value(m)!.Value));

    /// <summary>Monthly actual values summed by indicator and month (one unit, or all children).</summary>
    private static Dictionary<(string Code, DateTime Month), double> Monthly(IEnumerable<UnitFigure> figures) =>
        figures.Where(f => f.Figure.IsActual && f.Figure.Shape == PeriodShape.Month)
            .GroupBy(f => (f.Figure.Indicator, f.Figure.Start))
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Figure.Value));
}
