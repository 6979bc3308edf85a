using Bhyt.Warehouse.Reference;
using Bhyt.Etl.Detection.Coverage;

namespace Bhyt.Etl.Detection.Fund;

/// <summary>
/// Per province and year, monthly fund figures against their annual budget or plan: the cumulative figure is projected
/// to the year's end with the seasonal shape of the province's earlier complete years (linear without one), and the
/// first month whose projection crosses the budget (spending) or falls short of the plan (revenue) beyond a margin is
/// flagged with the projected gap in money and percent. Before mid-year the margin is widened by √(6/m) after m months
/// (a projection from two months of noisy figures is worth less than one from six), and the seasonal shape comes only
/// from earlier years that kept within the margin of their own budget or plan.
/// </summary>
public sealed class FundDetector(FundThresholds? thresholds = null) : IDetector
{
    /// <summary>A fund series the detector projects: its kind, the monthly figure, its annual budget or plan, and whether
    /// crossing it upward (spending) or falling short (revenue) is the anomaly.</summary>
    public sealed record Measure(string Kind, string Actual, string Target, bool Overrun);

    /// <summary>The series it projects (also what the Bất thường page draws against).</summary>
    public static readonly IReadOnlyList<Measure> Measures =
    [
        new(AnomalyKinds.SpendingAheadOfBudget, "fund_kcb_spending", "fund_kcb_budget", Overrun: true),
        new(AnomalyKinds.RevenueBehindPlan, "fund_revenue", "fund_revenue_plan", Overrun: false),
    ];

    private readonly FundThresholds _thresholds = thresholds ?? FundThresholds.Default;

    public string Name => "fund";

    public IReadOnlyCollection<string> Kinds { get; } = [AnomalyKinds.SpendingAheadOfBudget, AnomalyKinds.RevenueBehindPlan];

    public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct)
    {
        var figures = await StoredFigures.ReadAsync(context, Measures.SelectMany(m => new[] { m.Actual, m.Target }).ToList(), ct);
        var findings = new List<AnomalyFinding>();
        foreach (var unit in figures.GroupBy(f => f.Unit))
        foreach (var measure in Measures)
        {
            var flow = new FundFlow(unit, measure.Actual, measure.Target);
            var name = unit.First().UnitName;
            foreach (var year in flow.Years)
                if (FirstCrossing(flow, year, measure) is { } crossing && BoundarySets.InForce(unit.Key.BoundarySet, crossing.Month))
                    findings.Add(Finding(unit.Key.Code, name, year, measure, crossing));
        }
        return findings.Where(f => (context.From is null || f.PeriodEnd >= context.From) && (context.To is null || f.PeriodStart <= context.To)).ToList();
    }

    private sealed record Crossing(DateOnly Month, double Cumulative, double Projected, double Target, double GapPercent, SeasonalShape Shape);

    private Crossing? FirstCrossing(FundFlow flow, int year, Measure measure)
    {
        if (flow.AnnualTarget(year) is not { } target || target <= 0) return null;
        // A year that itself missed its budget or plan is no template of the usual pace.
        var onTarget = flow.CompleteYears.Where(y => flow.AnnualTarget(y.Key) is not { } t || t <= 0
            || Math.Abs(y.Value.Sum() - t) / t * 100 < (measure.Overrun ? _thresholds.OverrunPercent : _thresholds.ShortfallPercent)).ToDictionary();
        var shape = SeasonalShape.From(onTarget, year);
        var margin = measure.Overrun
            ? (shape.IsLinear ? _thresholds.LinearOverrunPercent : _thresholds.OverrunPercent)
            : (shape.IsLinear ? _thresholds.LinearShortfallPercent : _thresholds.ShortfallPercent);
        var months = flow.MonthsFromJanuary(year);
        var cumulative = 0.0;
        for (var m = 1; m <= months.Count; m++)
        {
            cumulative += months[m - 1];
            if (m < (shape.IsLinear ? _thresholds.LinearMinMonths : _thresholds.MinMonths) || shape.ShareBy(m) <= 0) continue;
            var projected = cumulative / shape.ShareBy(m);
            var gap = 100 * (measure.Overrun ? projected - target : target - projected) / target;
            // A projection from m noisy months errs like 1/√m: before mid-year it must miss by more to be believed (the
            // linear projection is not trusted before mid-year at all).
            if (gap >= margin * Math.Max(1, Math.Sqrt(6.0 / m))) return new Crossing(new DateOnly(year, m, 1), cumulative, projected, target, gap, shape);
        }
        return null;
    }

    private AnomalyFinding Finding(string province, string name, int year, Measure measure, Crossing c)
    {
        var severity = c.GapPercent >= _thresholds.HighPercent ? AnomalyFinding.High : c.GapPercent >= _thresholds.MediumPercent ? AnomalyFinding.Medium : AnomalyFinding.Low;
        var method = c.Shape.IsLinear ? "fund.linear_projection" : $"fund.seasonal_projection({string.Join(",", c.Shape.Years)})";
        var monthEnd = c.Month.AddMonths(1).AddDays(-1);
        return new AnomalyFinding(measure.Kind, "fund", province, c.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), c.Month, monthEnd,
            measure.Actual, Math.Round(c.Projected, 1), Math.Round(c.Target, 1), Math.Round(c.GapPercent, 2), severity, method,
            FundExplanation.Sentence(name, year, measure.Overrun, c.Month.Month, c.Cumulative, c.Projected, c.Target, c.Shape)) { UnitCode = province };
    }
}
