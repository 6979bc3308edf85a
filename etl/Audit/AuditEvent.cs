namespace Bhyt.Etl.Audit;

/// <summary>
/// One line of the audit log (<c>etl.audit_event</c>, read through <c>rpt.audit</c>): who (<see cref="UserName"/>, their
/// <see cref="UserRole"/>) did what (<see cref="Action"/>, one of <see cref="AuditActions"/>, on <see cref="Subject"/>),
/// through which door (<see cref="Channel"/>), from where (<see cref="ClientAddress"/>), how it ended (<see cref="Outcome"/>),
/// and, where they apply, how many rows and how long. <see cref="OccurredAt"/> is UTC. Never personal data in clear: a
/// subject names a file, an account, an anomaly or alert id, an export's file name.
/// </summary>
public sealed record AuditEvent(string Action, string Outcome, string UserName)
{
    public DateTime OccurredAt { get; init; } = DateTime.UtcNow;
    public string Channel { get; init; } = AuditChannels.Dashboard;
    public string? UserRole { get; init; }
    public string? Subject { get; init; }
    public string? Detail { get; init; }
    public string? ClientAddress { get; init; }
    public long? RowCount { get; init; }
    public long? DurationMs { get; init; }
}
