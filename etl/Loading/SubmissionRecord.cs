namespace Bhyt.Etl.Loading;

/// <summary>The row of <c>etl.submission</c> a file produced, as reported per file by <c>bhyt import</c>.</summary>
public sealed record SubmissionRecord(
    long SubmissionId, string FileName, string Sha256, string Kind, int? UnitKey, string? UnitCode, string Status,
    int RowsLoaded, int RowsRejected, int Warnings, long? DuplicateOf, string? Message, string? SourceId = null);
