using Bhyt.Etl.Import;

namespace Bhyt.Etl.Audit;

/// <summary>
/// The audit event of one imported file, alike whoever imported it (<c>bhyt import</c> as its operating-system user, the
/// inbox as <see cref="AuditChannels.SystemUser"/>): loaded or a duplicate is a success, rejected or empty a failure.
/// </summary>
public static class ImportAudit
{
    public static AuditEvent Of(ImportResult result, string channel, string user, TimeSpan duration) =>
        new(AuditActions.Import, result.IsRejected || result.IsEmpty ? AuditOutcomes.Failure : AuditOutcomes.Success, user)
        {
            Channel = channel, Subject = result.Submission.FileName, Detail = result.SummaryLine, RowCount = result.Submission.RowsLoaded,
            DurationMs = (long)duration.TotalMilliseconds,
        };

    public static AuditEvent Failed(string path, Exception error, string channel, string user, TimeSpan duration) =>
        new(AuditActions.Import, AuditOutcomes.Failure, user)
        {
            Channel = channel, Subject = Path.GetFileName(path), Detail = error.Message, DurationMs = (long)duration.TotalMilliseconds,
        };
}
