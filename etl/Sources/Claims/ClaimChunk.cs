using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// What parsing one chunk of the claims CSV gave: its valid rows in batches and its problems, with rows counted from the
/// chunk's start. <see cref="ClaimsCsvReader"/> adds the rows of the chunks before it when it hands them on in file order.
/// </summary>
internal sealed class ClaimChunk
{
    private const int MaxIssuesKept = 1000;

    public List<ClaimBatch> Batches { get; } = [];

    /// <summary>Records in the chunk, blank lines included (<see cref="Utf8CsvReader.Row"/> at its end).</summary>
    public int Rows { get; set; }

    /// <summary>The chunk's bytes (UTF-8), counted as read once its rows are handed on.</summary>
    public int Bytes { get; set; }

    /// <summary>Data rows read (valid or not).</summary>
    public int RowsRead { get; set; }

    public List<PendingIssue> Errors { get; } = [];

    public List<PendingIssue> Warnings { get; } = [];

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public void Error(int row, string? column, string rule, string message)
    {
        if (++ErrorCount <= MaxIssuesKept) Errors.Add(new PendingIssue(row, column, rule, message));
    }

    public void Warning(int row, string column, string rule, string message)
    {
        if (++WarningCount <= MaxIssuesKept) Warnings.Add(new PendingIssue(row, column, rule, message));
    }

    /// <summary>A problem at a row counted within the chunk; <see cref="At"/> names the file's row.</summary>
    internal readonly record struct PendingIssue(int Row, string? Column, string Rule, string Message)
    {
        public ValidationIssue At(string severity, int rowsBefore) =>
            new(severity, Rule, Message, Column is null ? $"dòng {rowsBefore + Row}" : $"dòng {rowsBefore + Row}, cột {Column}");
    }
}
