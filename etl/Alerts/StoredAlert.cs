namespace Bhyt.Etl.Alerts;

/// <summary>
/// One row of <c>dw.alert</c>: an alert with its fingerprint (rule × unit × period), lifecycle (firing → acknowledged →
/// resolved; firing again when its condition returns) and notification record (when it was last notified, how many times,
/// and why the last notice was held back — a silence or an inhibition).
/// </summary>
public sealed record StoredAlert(long AlertId, string RuleCode, string Condition, string? UnitCode, string? PeriodLabel, string Severity,
    string Message, string Status, DateTime CreatedAt, DateTime? ResolvedAt, string? AcknowledgedBy, DateTime? AcknowledgedAt,
    DateTime LastFiredAt, DateTime LastEvaluatedAt, DateTime? LastNotifiedAt, int Notifications, string? SuppressedBy, long? AnomalyId)
{
    public const string Firing = "firing";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public AlertFingerprint Fingerprint => new(RuleCode, UnitCode, PeriodLabel);

    public bool IsActive => Status != Resolved;
}
