using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Coverage;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>
/// A unit's coverage anomaly drawn against what the coverage detector considers normal, with its own thresholds
/// (<see cref="CoverageThresholds"/>): for a drop, the previous period's rate down to the drop threshold; for a rate below
/// target, the target down to the tolerated gap; for a contributor group, its previous count down to the collapse share.
/// The series is the flagged period's kind (month, quarter, year…) in the boundary set the anomaly was found in.
/// </summary>
public static class CoverageBand
{
    public static AnomalyDetail Build(AnomalyRow anomaly, IReadOnlyList<AnomalySeriesPoint> stored, CoverageThresholds thresholds)
    {
        var title = $"{AnomalyText.Kind(anomaly.Kind)} — {anomaly.SubjectCode}, kỳ {anomaly.PeriodLabel}";
        var ofMeasure = stored.Where(p => p.Indicator == anomaly.Measure).ToList();
        if (ofMeasure.FirstOrDefault(p => p.Label == anomaly.PeriodLabel) is not { } flagged)
            return AnomalyDetail.Empty(title, $"Kho không còn giá trị {anomaly.Measure} của {anomaly.SubjectCode} kỳ {anomaly.PeriodLabel} (rpt.indicator_values).");
        var series = ofMeasure.Where(p => p.PeriodKind == flagged.PeriodKind && (p.Actual is not null || p.Target is not null)).OrderBy(p => p.Start).ToList();
        var unit = anomaly.Measure == "cov_rate" ? "percent" : "number";
        var points = new List<BandPoint>();
        AnomalySeriesPoint? previous = null;
        foreach (var p in series)
        {
            // As the detector does: a mapped pre-2025 figure is never the "previous period" of a figure of the 2025 unit itself.
            var comparable = previous is not null && previous.IsMapped == p.IsMapped ? previous.Actual : null;
            var (expected, lower, upper) = Normal(anomaly.Kind, comparable, p.Target, flagged.PeriodKind, thresholds);
            points.Add(new BandPoint(p.Start, Label(p), p.Actual, expected, lower, upper, p.Target, p.Label == anomaly.PeriodLabel));
            if (p.Actual is not null) previous = p;
        }
        var name = flagged.IndicatorName ?? anomaly.Measure;
        return new AnomalyDetail(title, unit, name, ExpectedName(anomaly.Kind), "Vùng bình thường", Note(anomaly.Kind, flagged.PeriodKind, thresholds), points, []);
    }

    private static (double? Expected, double? Lower, double? Upper) Normal(string kind, double? previous, double? target, string periodKind, CoverageThresholds t) => kind switch
    {
        AnomalyKinds.BelowTarget => (target, target - t.BelowTargetPoints, target),
        AnomalyKinds.GroupCollapse => (previous, previous * (1 - t.GroupFallPercent / 100), previous),
        _ => (previous, previous - t.DropThreshold(periodKind), previous),
    };

    private static string ExpectedName(string kind) => kind == AnomalyKinds.BelowTarget ? "Chỉ tiêu của kỳ" : "Giá trị kỳ trước";

    private static string Note(string kind, string periodKind, CoverageThresholds t) => kind switch
    {
        AnomalyKinds.BelowTarget =>
            $"Vùng bình thường: từ chỉ tiêu của kỳ trừ {t.BelowTargetPoints.ToString("N1", Charts.Format.Vi)} điểm % trở lên; thấp hơn thì bị gắn cờ “dưới chỉ tiêu”.",
        AnomalyKinds.GroupCollapse =>
            $"Vùng bình thường: từ số người của nhóm ở kỳ trước giảm không quá {t.GroupFallPercent.ToString("N0", Charts.Format.Vi)} %; giảm sâu hơn (và đáng kể so với tổng số người tham gia) thì bị gắn cờ.",
        _ =>
            $"Vùng bình thường: từ tỷ lệ của kỳ trước giảm không quá {t.DropThreshold(periodKind).ToString("N1", Charts.Format.Vi)} điểm %; tăng không bao giờ bị gắn cờ. Đường chỉ tiêu (nếu kho có) chỉ để tham chiếu.",
    };

    private static string Label(AnomalySeriesPoint p) => p.PeriodKind == "month" ? DetailValue.Month(p.Start) : p.Label;
}
