using Bhyt.Etl.Validation;

namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// A reader of claims files for <see cref="Loading.ClaimStore"/>: streams the valid XML1 rows in reused batches and
/// keeps the problems that reject the file. The CSV export and the facilities' XML files each have one.
/// </summary>
public abstract class ClaimSource
{
    protected const int MaxErrorsKept = 1000;

    /// <summary>The first <see cref="MaxErrorsKept"/> errors; any error rejects the whole file.</summary>
    public List<ValidationIssue> Errors { get; } = [];

    public int ErrorCount { get; protected set; }

    /// <summary>Counts the bytes read from the file for the progress display, when there is one.</summary>
    public Import.Progress.LoadMeter? Meter { get; set; }

    /// <summary>Claims read and handed to the loader (the loader counts those already in the warehouse apart).</summary>
    public int RowsRead { get; protected set; }

    /// <summary>
    /// An upper bound of the <see cref="ClaimRecord.SourceRow"/> this file's claims get: the loader reserves that many
    /// keys before the stream starts (a claim's key is the first key plus its source row).
    /// </summary>
    public abstract long RowBound(string path);

    /// <summary>
    /// The valid rows, in batches taken from <paramref name="rent"/> (empty on return). A batch is handed over when full
    /// and not touched again by the reader.
    /// </summary>
    internal abstract IEnumerable<ClaimBatch> Read(string path, Func<ClaimBatch> rent);

    /// <summary>The first <see cref="MaxErrorsKept"/> warnings: the claims load, the warnings are recorded with the file.</summary>
    public List<ValidationIssue> Warnings { get; } = [];

    public int WarningCount { get; protected set; }

    internal void AddWarning(ValidationIssue issue)
    {
        WarningCount++;
        if (Warnings.Count < MaxErrorsKept) Warnings.Add(issue);
    }

    protected void AddError(ValidationIssue issue)
    {
        ErrorCount++;
        if (Errors.Count < MaxErrorsKept) Errors.Add(issue);
    }
}
