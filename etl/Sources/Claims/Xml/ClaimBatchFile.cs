namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// One file of a batch as read: its name, the claims it gave and their source rows (rows run on across the batch), and,
/// when it was rejected, its HOSO (at least 1) and errors. <see cref="Loaded"/> is set once the batch is loaded: its claims
/// kept, those identical to claims already in the warehouse (or repeated later in the batch) not counted.
/// </summary>
public sealed record ClaimBatchFile(string Name, int Claims, int Rejected, int Errors, int FirstRow = 0, int LastRow = 0)
{
    public bool IsRejected => Errors > 0;

    public int Loaded { get; init; }

    /// <summary>The batch's warnings located in this file (set once the batch is loaded).</summary>
    public int Warnings { get; init; }

    /// <summary>The submission that had loaded this very file before (alone or in a batch), when one had.</summary>
    public long? DuplicateOf { get; init; }

    /// <summary>Its status in the batch's <paramref name="status"/>: rejected, a duplicate of a file loaded before, or the batch's.</summary>
    public string StatusIn(string status) => IsRejected ? "rejected" : DuplicateOf is not null && Loaded == 0 && status == "loaded" ? "duplicate" : status;
}
