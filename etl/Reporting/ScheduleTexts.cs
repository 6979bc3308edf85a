using System.Globalization;

namespace Bhyt.Etl.Reporting;

/// <summary>What the import report says about a loaded schedule, in Vietnamese with vi-VN numbers.</summary>
public static class ScheduleTexts
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Loaded(IReadOnlyList<ScheduleLine> lines, IReadOnlyList<ReportingExpectation> expected)
    {
        var plans = string.Join("; ", expected.GroupBy(e => e.ScheduleName).Select(plan => string.Format(Vi,
            "«{0}»: {1:N0} đơn vị, {2:N0} báo cáo, hạn {3:dd/MM/yyyy}–{4:dd/MM/yyyy}",
            plan.Key, plan.Select(e => e.Unit.UnitKey).Distinct().Count(), plan.Count(), plan.Min(e => e.Due), plan.Max(e => e.Due))));
        return string.Format(Vi, "Lịch báo cáo: {0:N0} dòng, {1:N0} báo cáo phải nộp. {2}.", lines.Count, expected.Count, plans);
    }
}
