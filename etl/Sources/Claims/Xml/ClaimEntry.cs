namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// One claims file of a batch, an entry of a .zip or a file of a folder: its name as errors and detail lines give it,
/// its length (once inflated, for an entry), and its bytes from the start, again when the reader has to go back.
/// </summary>
internal abstract class ClaimEntry(string name, long length)
{
    public string Name { get; } = name;

    public long Length { get; } = length;

    public abstract Stream Open();

    /// <summary>The bytes again from the start; <paramref name="first"/> is what <see cref="Open"/> gave, no longer read.</summary>
    public abstract Stream Reopen(Stream first);
}

/// <summary>
/// The claims files one submission reads as a batch: the .xml entries of a .zip (<see cref="ClaimArchive"/>) or the .xml
/// files of a folder (<see cref="ClaimFolder"/>). Each file is judged alone: a broken one is rejected, the others load.
/// </summary>
internal interface IClaimEntries : IDisposable
{
    /// <summary>The .xml files in the order they are read, checked against the batch's limits before any is opened.</summary>
    IReadOnlyList<ClaimEntry> XmlEntries();

    /// <summary>Files of the batch that are not .xml, skipped.</summary>
    int Skipped { get; }

    /// <summary>What holds the files, as users read it: "tệp nén", "thư mục".</summary>
    string Container { get; }
}
