using System.Globalization;
using Bhyt.Etl.Detection;

namespace Bhyt.Etl.Alerts;

/// <summary>Every Vietnamese sentence an alert sends or shows, in one place (vi-VN number and date formats).</summary>
public static class AlertTexts
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string StatusVi(string status) => status switch
    {
        "firing" => "Đang cảnh báo",
        "acknowledged" => "Đã ghi nhận",
        "resolved" => "Đã hết",
        _ => status,
    };

    public static string NoticeVi(string notice) => notice switch
    {
        "firing" => "Cảnh báo",
        "repeat" => "Nhắc lại",
        "resolved" => "Đã hết cảnh báo",
        _ => notice,
    };

    public static string DeliveryStatusVi(string status) => status switch
    {
        "pending" => "Chờ gửi",
        "delivered" => "Đã gửi",
        "failed" => "Gửi lỗi (sẽ thử lại)",
        _ => status,
    };

    public static string ClaimsSummary(string unitName, string? period, IReadOnlyList<string> kinds, string example)
    {
        var parts = kinds.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{(AnomalyKinds.Descriptions.TryGetValue(g.Key, out var d) ? d.ToLower(Vi) : g.Key)}: {g.Count().ToString("N0", Vi)}");
        return $"{unitName} có {kinds.Count.ToString("N0", Vi)} bất thường hồ sơ KCB kỳ {period} ({string.Join("; ", parts)}). Ví dụ: {example}";
    }

    public static string LateSubmission(string unitName, string period, string previousPeriod, int days) =>
        $"{unitName} chưa gửi số liệu kỳ {period} ({days.ToString("N0", Vi)} ngày sau khi kỳ kết thúc), "
        + $"dù đã gửi kỳ {previousPeriod} và các đơn vị khác đã gửi kỳ {period}.";

    public static string OverdueReport(string unitName, string period, IReadOnlyList<int> forms, DateOnly due, int daysLate) =>
        $"{unitName} chưa gửi báo cáo kỳ {period}"
        + (forms.Count == 0 ? "" : $" (phụ lục {string.Join(", ", forms)})")
        + $", hạn {due.ToString("dd/MM/yyyy", Vi)}, đã quá {daysLate.ToString("N0", Vi)} ngày.";

    public static string Subject(string notice, string ruleName, string unitName, string? period) =>
        $"[BHYT] {NoticeVi(notice)}: {ruleName} — {unitName}{(period is null ? "" : $", kỳ {period}")}";

    public static string Body(string notice, StoredAlert alert, string ruleName, string unitName, DateTime now)
    {
        var facts = $"Quy tắc: {ruleName} ({alert.RuleCode}). Đơn vị: {unitName}. Kỳ: {alert.PeriodLabel ?? "—"}. "
                    + $"Mức độ: {Severity.Vietnamese(alert.Severity)}. Cảnh báo số {alert.AlertId}, phát lúc {Time(alert.LastFiredAt)}.";
        return notice == "resolved"
            ? $"Cảnh báo đã hết lúc {Time(now)}: điều kiện không còn đúng (số liệu đã được sửa, hoặc bất thường đã bị bác bỏ hay đã xử lý).\n\n"
              + $"Nội dung cảnh báo: {alert.Message}\n\n{facts}"
            : $"{alert.Message}\n\n{facts}";
    }

    public static string SilencedBy(AlertSilence silence) =>
        $"Tạm tắt thông báo #{silence.SilenceId} ({silence.CreatedBy}: {silence.Reason}) đến {Time(silence.EndsAt)}";

    public static string InhibitedBy(StoredAlert source, string reason) => $"Gộp vào cảnh báo #{source.AlertId}: {reason}";

    public static string Time(DateTime utc) => utc.ToString("dd/MM/yyyy HH:mm", Vi) + " UTC";

    /// <summary>The one-line Vietnamese summary of a run (printed by <c>bhyt alerts</c>, logged by the scheduler).</summary>
    public static string Summary(AlertSummary s)
    {
        string N(int n) => n.ToString("N0", Vi);
        return $"Cảnh báo: {N(s.Fired)} mới phát, {N(s.Repeated)} nhắc lại, {N(s.Resolved)} đã hết, {N(s.Silenced)} tạm tắt, "
               + $"{N(s.Inhibited)} gộp vào cảnh báo khác; gửi: {N(s.Delivered)} thành công, {N(s.Failed)} lỗi (sẽ thử lại). "
               + $"Đang hiệu lực: {N(s.Active)}.";
    }
}
