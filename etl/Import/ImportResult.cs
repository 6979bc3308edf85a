using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Import;

/// <summary>What importing one file did: its submission row, every issue found, and a note for the user.</summary>
public sealed record ImportResult(string Path, SubmissionRecord Submission, IReadOnlyList<ValidationIssue> Issues, string? Note)
{
    public bool IsRejected => Submission.Status == "rejected";

    /// <summary>The per-file summary line of interfaces.md.</summary>
    public string SummaryLine =>
        $"{Submission.FileName}: {Submission.Status} rows={Submission.RowsLoaded} rejected={Submission.RowsRejected} " +
        $"warnings={Submission.Warnings} submission={Submission.SubmissionId}";
}
