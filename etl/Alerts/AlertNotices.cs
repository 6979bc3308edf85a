using System.Text.Encodings.Web;
using System.Text.Json;
using Bhyt.Etl.Alerts.Delivery;

namespace Bhyt.Etl.Alerts;

/// <summary>
/// Turns one notice of one alert into outbox rows: one per e-mail address and one per webhook URL of the rule in force.
/// The e-mail is Vietnamese plain text; the webhook body is JSON (alert_id, notice, rule, rule_name, condition, unit_code,
/// unit_name, period_label, severity, status, message, fired_at, sent_at).
/// </summary>
public static class AlertNotices
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<OutboxDelivery> For(StoredAlert alert, string notice, AlertRule rule, string unitName, DateTime now)
    {
        var subject = AlertTexts.Subject(notice, rule.NameVi, unitName, alert.PeriodLabel);
        if (subject.Length > 300) subject = subject[..300];
        var text = AlertTexts.Body(notice, alert, rule.NameVi, unitName, now);
        foreach (var email in rule.EmailList)
            yield return new OutboxDelivery(0, alert.AlertId, notice, "email", email, subject, Truncate(text), OutboxDelivery.Pending, 0);
        if (rule.WebhookList.Count == 0) yield break;
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["alert_id"] = alert.AlertId, ["notice"] = notice, ["rule"] = alert.RuleCode, ["rule_name"] = rule.NameVi,
            ["condition"] = alert.Condition, ["unit_code"] = alert.UnitCode, ["unit_name"] = unitName, ["period_label"] = alert.PeriodLabel,
            ["severity"] = alert.Severity, ["status"] = alert.Status, ["message"] = Truncate(alert.Message, 2500),
            ["fired_at"] = alert.LastFiredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), ["sent_at"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        }, Json);
        foreach (var url in rule.WebhookList)
            yield return new OutboxDelivery(0, alert.AlertId, notice, "webhook", url, subject, json, OutboxDelivery.Pending, 0);
    }

    private static string Truncate(string text, int length = 4000) => text.Length > length ? text[..length] : text;
}
