namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Bounds on a .zip of claims files: how many entries, how large one entry and all of them may be once inflated, and
/// how far an entry may inflate beyond its compressed size. Past any of them the archive is refused whole as a zip bomb.
/// Sizes are checked against the central directory first and against the bytes actually inflated while reading.
/// </summary>
public sealed record ClaimArchiveLimits(int MaxEntries = 1_000_000, long MaxEntryBytes = 2L << 30, long MaxTotalBytes = 64L << 30,
    int MaxRatio = 200, long RatioFloorBytes = 1 << 20)
{
    public static ClaimArchiveLimits Default { get; } = new();
}

/// <summary>A .zip refused as a whole (zip bomb, or beyond the limits).</summary>
internal sealed class ArchiveRefusedException(string entry, string message) : Exception(message)
{
    public string Entry { get; } = entry;
}
