namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// One file of a batch as read: its name, its claims' source rows (rows run on across the batch), and, when it was
/// rejected, its HOSO (at least 1) and errors. <see cref="Loaded"/> is set once the batch is loaded: its claims kept, those
/// identical to claims already in the warehouse (or repeated later in the batch) not counted.
/// </summary>
public sealed record ClaimBatchFile(string Name, int Rejected, int Errors, int FirstRow = 0, int LastRow = 0)
{
    // Issues of a batch are located "tệp <name>, HOSO …" (ClaimXmlIssues, the detail spill and the reconciliation).
    private const string Prefix = "tệp ";

    public bool IsRejected => Errors > 0;

    public int Loaded { get; init; }

    /// <summary>The batch's warnings located in this file (set once the batch is loaded).</summary>
    public int Warnings { get; init; }

    /// <summary>The submission that had loaded this very file before (alone or in a batch), when one had.</summary>
    public long? DuplicateOf { get; init; }

    /// <summary>Its status in the batch's <paramref name="status"/>: rejected, a duplicate of a file loaded before, or the batch's.</summary>
    public string StatusIn(string status) => IsRejected ? "rejected" : DuplicateOf is not null && Loaded == 0 && status == "loaded" ? "duplicate" : status;

    /// <summary>Whether an issue's location is in this file.</summary>
    public bool Holds(string? location) =>
        location is not null && location.Length > Prefix.Length + Name.Length && location.StartsWith(Prefix, StringComparison.Ordinal)
        && location.AsSpan(Prefix.Length).StartsWith(Name, StringComparison.Ordinal) && location[Prefix.Length + Name.Length] == ',';

    /// <summary>The file of <paramref name="names"/> an issue's location is in (a name may hold commas itself), or null.</summary>
    public static string? FileOf(string? location, IReadOnlySet<string> names)
    {
        if (location is null || !location.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        for (var comma = location.IndexOf(',', Prefix.Length); comma > 0; comma = location.IndexOf(',', comma + 1))
            if (names.Contains(location[Prefix.Length..comma])) return location[Prefix.Length..comma];
        return null;
    }
}
