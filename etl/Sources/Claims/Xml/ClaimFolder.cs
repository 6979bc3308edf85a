using Bhyt.Etl.Import.Progress;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// The claims XML files of a folder read as one batch, as a .zip of the same files is: the <c>*.xml</c> files directly
/// in it (not its subfolders), in ordinal order of their names, each opened in its turn and counted by the meter. The
/// folder's other files are not part of it. No zip limit applies: nothing inflates. An import lists the folder once
/// (<paramref name="files"/>): a file added while it runs is in none of its steps, not read without being hashed.
/// </summary>
internal sealed class ClaimFolder(string path, LoadMeter? meter = null, IReadOnlyList<string>? files = null) : IClaimEntries
{
    /// <summary>The folder's claims XML files, full paths, in the order a batch reads them.</summary>
    public static IReadOnlyList<string> XmlFiles(string folder) =>
        Directory.GetFiles(folder).Where(IsXml).Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether the file is one a folder's batch takes (<c>.xml</c>, any case); the file is not opened.</summary>
    public static bool IsXml(string path) => Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase);

    public int Skipped => 0;

    public string Container => "thư mục";

    public IReadOnlyList<ClaimEntry> XmlEntries() => (files ?? XmlFiles(path)).Select(f => (ClaimEntry)new FileEntry(f, meter)).ToList();

    public void Dispose()
    {
    }

    /// <summary>A file of the folder: its first reading counted by the meter, a second one (rare) not, as for a lone file.</summary>
    private sealed class FileEntry(string file, LoadMeter? meter) : ClaimEntry(Path.GetFileName(file), new FileInfo(file).Length)
    {
        public override Stream Open() => File.OpenRead(file).CountedBy(meter);

        public override Stream Reopen(Stream first) => File.OpenRead(file);
    }
}
