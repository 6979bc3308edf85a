namespace Bhyt.Etl.Alerts;

/// <summary>
/// One row of <c>dw.alert_rule</c>. A rule applies to <see cref="UnitCode"/>'s subtree (null = the whole country); the
/// rules sharing a <see cref="Code"/> form one family in which the most specific unit's rule wins (<see cref="AlertRuleSet"/>).
/// <see cref="Threshold"/> is compared with the anomaly's score (<see cref="AlertConditions"/> says its unit per condition);
/// recipients are e-mail addresses and webhook URLs (separated by commas, semicolons or new lines); a firing alert not
/// acknowledged is notified again every <see cref="RepeatMinutes"/>.
/// </summary>
public sealed record AlertRule(long RuleId, string Code, string Condition, string? UnitCode, double? Threshold, string MinSeverity,
    string? PeriodKind, string? Emails, string? Webhooks, int RepeatMinutes, bool Enabled, string NameVi)
{
    public IReadOnlyList<string> EmailList => Split(Emails);
    public IReadOnlyList<string> WebhookList => Split(Webhooks);

    public static IReadOnlyList<string> Split(string? recipients) =>
        (recipients ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
