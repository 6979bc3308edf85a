using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Coverage;
using Bhyt.Etl.Detection.Fund;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>
/// A province's fund anomaly drawn as the fund detector sees it: the year's cumulative spending (or revenue) month by
/// month against the budget's (plan's) pace — the annual figure times the share of the year the seasonal shape of earlier
/// complete years reaches by that month (linear without one) — and the margin beyond which the projection to the year's
/// end crosses the budget (<see cref="FundThresholds"/>). Built with the detector's own <see cref="FundFlow"/> and
/// <see cref="SeasonalShape"/>: the same figures, the same shape.
/// </summary>
public static class FundBand
{
    /// <summary>The annual target each fund measure is held against, and whether the flag is an overrun (else a shortfall).</summary>
    public static (string Target, bool Overrun)? TargetOf(string measure) =>
        FundDetector.Measures.FirstOrDefault(m => m.Actual == measure) is { } m ? (m.Target, m.Overrun) : null;

    public static AnomalyDetail Build(AnomalyRow anomaly, string boundarySet, IReadOnlyList<AnomalySeriesPoint> stored, FundThresholds thresholds)
    {
        var title = $"{AnomalyText.Kind(anomaly.Kind)} — tỉnh {anomaly.SubjectCode}, năm {anomaly.PeriodStart?.Year}";
        if (TargetOf(anomaly.Measure) is not { } held || anomaly.PeriodStart is not { } flagged)
            return AnomalyDetail.Empty(title, $"Không vẽ được chuỗi cho chỉ tiêu {anomaly.Measure}.");
        var (targetCode, overrun) = held;
        var flow = new FundFlow(Figures(anomaly.SubjectCode, boundarySet, stored), anomaly.Measure, targetCode);
        var year = flagged.Year;
        if (flow.AnnualTarget(year) is not { } target || target <= 0)
            return AnomalyDetail.Empty(title, $"Kho không có {targetCode} năm {year} của tỉnh {anomaly.SubjectCode}.");
        var shape = SeasonalShape.From(flow.CompleteYears, year);
        var margin = overrun
            ? (shape.IsLinear ? thresholds.LinearOverrunPercent : thresholds.OverrunPercent)
            : (shape.IsLinear ? thresholds.LinearShortfallPercent : thresholds.ShortfallPercent);
        var minMonths = shape.IsLinear ? thresholds.LinearMinMonths : thresholds.MinMonths;
        var points = new List<BandPoint>();
        var cumulative = 0.0;
        var months = flow.MonthsFromJanuary(year);
        for (var m = 1; m <= 12; m++)
        {
            double? value = m <= months.Count ? cumulative += months[m - 1] : null;
            var pace = target * shape.ShareBy(m);
            var edge = pace * (1 + (overrun ? margin : -margin) / 100);
            var banded = m >= minMonths;
            points.Add(new BandPoint(new DateTime(year, m, 1), $"T{m}/{year % 100:00}", value, pace,
                banded ? Math.Min(pace, edge) : null, banded ? Math.Max(pace, edge) : null, null, m == flagged.Month));
        }
        var shapeText = shape.IsLinear ? "đều theo tháng (chưa có năm trước đủ 12 tháng)" : $"theo mùa của các năm {string.Join(", ", shape.Years)}";
        var note = $"Đường nét đứt: nhịp {(overrun ? "dự toán" : "kế hoạch")} = {(overrun ? "dự toán" : "kế hoạch")} cả năm ({DetailValue.Text(target, "million_vnd")}) × tỷ lệ luỹ kế {shapeText}. "
                   + $"Vùng tô màu: {(overrun ? "vượt" : "hụt")} nhịp đến {margin.ToString("N0", Charts.Format.Vi)} %; luỹ kế ra ngoài vùng này (từ tháng thứ {minMonths}) thì dự báo cả năm "
                   + $"{(overrun ? "vượt dự toán" : "hụt kế hoạch")} và bị gắn cờ.";
        return new AnomalyDetail(title, "million_vnd", overrun ? "Chi KCB luỹ kế" : "Thu luỹ kế", overrun ? "Nhịp dự toán" : "Nhịp kế hoạch",
            "Vùng bình thường", note, points, []);
    }

    /// <summary>The stored points as the detector's <see cref="StoredFigure"/>s (actual and target values as their own figures).</summary>
    private static IEnumerable<StoredFigure> Figures(string province, string boundarySet, IReadOnlyList<AnomalySeriesPoint> stored)
    {
        foreach (var p in stored)
        {
            StoredFigure Figure(double value, string valueKind) => new(province, province, boundarySet, null, p.Label, DateOnly.FromDateTime(p.Start),
                DateOnly.FromDateTime(p.End), p.PeriodKind, p.Indicator, value, valueKind, null);
            if (p.Actual is { } actual) yield return Figure(actual, "actual");
            if (p.Target is { } target) yield return Figure(target, "target");
        }
    }
}
