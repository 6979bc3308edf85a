using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Import;

/// <summary>What importing one file did: its submission row, every issue found, and a note for the user.</summary>
public sealed record ImportResult(string Path, SubmissionRecord Submission, IReadOnlyList<ValidationIssue> Issues, string? Note)
{
    public bool IsRejected => Submission.Status == "rejected";

    /// <summary>The file was read but held no figure (status <c>empty</c>): the note says why and names the near-misses.</summary>
    public bool IsEmpty => Submission.Status == "empty";

    /// <summary>The files of a claims batch (.zip, folder) rejected while the others loaded, each with its first error.</summary>
    public IReadOnlyList<Sources.Claims.Xml.RejectedClaimFile> RejectedFiles { get; init; } = [];

    /// <summary>
    /// The files of a folder's batch of claims XML files (empty for anything else): <c>bhyt import</c> prints a summary
    /// line for each, as for files imported one by one, all naming the batch's submission.
    /// </summary>
    public IReadOnlyList<Sources.Claims.Xml.ClaimBatchFile> BatchFiles { get; init; } = [];

    /// <summary>The summary line of a file of the batch: its own claims (or rejection), the batch's submission and status.</summary>
    public string BatchFileLine(Sources.Claims.Xml.ClaimBatchFile file) =>
        $"{file.Name}: {file.StatusIn(Submission.Status)} rows={file.Loaded} " +
        $"rejected={file.Rejected} warnings={file.Warnings} submission={Submission.SubmissionId}";

    /// <summary>How each table of a report document was recognised (empty for other kinds), for <c>--explain</c>.</summary>
    public IReadOnlyList<Sources.Reports.TableRecognition> Tables { get; init; } = [];

    /// <summary>The per-file summary line of interfaces.md.</summary>
    public string SummaryLine =>
        $"{Submission.FileName}: {Submission.Status} rows={Submission.RowsLoaded} rejected={Submission.RowsRejected} " +
        $"warnings={Submission.Warnings} submission={Submission.SubmissionId}";
}
