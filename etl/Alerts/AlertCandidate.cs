namespace Bhyt.Etl.Alerts;

/// <summary>
/// A condition that holds now under a rule in force: its fingerprint (<see cref="Fingerprint"/>: rule × unit × period),
/// severity, the Vietnamese message a leader reads, and the anomaly behind it (null for a late submission).
/// </summary>
public sealed record AlertCandidate(AlertRule Rule, string? UnitCode, string? PeriodLabel, string Severity, string Message, long? AnomalyId)
{
    public AlertFingerprint Fingerprint => new(Rule.Code, UnitCode, PeriodLabel);
}

/// <summary>The identity of an alert: one alert per rule family × unit × period.</summary>
public readonly record struct AlertFingerprint(string RuleCode, string? UnitCode, string? PeriodLabel);
