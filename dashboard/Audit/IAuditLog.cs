using Bhyt.Etl.Audit;

namespace Bhyt.Dashboard.Audit;

/// <summary>
/// Records an act of the signed-in user of this page (user, role and client address are filled in) in the audit log
/// (<c>rpt.audit</c>). Never throws and never blocks the act: a write that fails is logged. Codes for
/// <paramref name="action"/> are <see cref="AuditActions"/>, for <paramref name="outcome"/> <see cref="AuditOutcomes"/>.
/// </summary>
public interface IAuditLog
{
    /// <param name="subject">what was acted on: an account, a file name, an anomaly or alert id (never personal data).</param>
    /// <param name="detail">what a reader of the log needs besides: what changed, the query's text, why it failed.</param>
    /// <param name="rows">rows read, loaded or exported, where that applies.</param>
    /// <param name="duration">how long the act took, where that applies.</param>
    Task RecordAsync(string action, string outcome, string? subject = null, string? detail = null, long? rows = null, TimeSpan? duration = null);
}
