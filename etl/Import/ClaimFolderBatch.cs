using System.Security.Cryptography;
using System.Text;
using Bhyt.Etl.Import.Progress;
using Bhyt.Etl.Sources.Claims.Xml;

namespace Bhyt.Etl.Import;

/// <summary>
/// A folder's claims XML files imported as one submission, as a .zip of the same files is (<see cref="ClaimFolder"/>
/// reads them). The submission is named <c>&lt;folder&gt;/*.xml (N tệp)</c>. Its SHA-256 is that of a manifest, one
/// line <c>name TAB sha256-of-the-file LF</c> per file in reading order (ordinal by name), UTF-8: importing the same
/// folder again is a duplicate, while a folder with one file changed, added, removed or renamed is a new submission (whose
/// claims already loaded are dropped as identical, <see cref="Loading.ClaimVersions"/>).
/// </summary>
internal static class ClaimFolderBatch
{
    /// <summary>Whether a folder's files are imported as one batch: when it holds more than one claims XML file.</summary>
    public static bool IsBatch(IReadOnlyList<string> xmlFiles) => xmlFiles.Count > 1;

    /// <summary>The batch's name: <c>&lt;folder&gt;/*.xml (N tệp)</c>, or <paramref name="name"/> in place of the folder's name.</summary>
    public static string NameOf(string folder, IReadOnlyList<string> files, string? name = null) =>
        $"{name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))}/*.xml ({files.Count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} tệp)";

    /// <summary>The bytes the batch reads, the total of its progress meter.</summary>
    public static long Bytes(IReadOnlyList<string> files) => files.Sum(f => new FileInfo(f).Length);

    /// <summary>The batch's SHA-256 (of its manifest) and each file's own, which are kept with the batch once it loaded.</summary>
    public static async Task<(string Sha256, IReadOnlyList<(string Name, string Sha256)> Files)> Sha256Async(IReadOnlyList<string> xmlFiles, LoadMeter? meter,
        CancellationToken ct)
    {
        using var manifest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = new List<(string, string)>();
        foreach (var file in xmlFiles)
        {
            await using var stream = File.OpenRead(file).CountedBy(meter);
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            manifest.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFileName(file)}\t{sha}\n"));
            files.Add((Path.GetFileName(file), sha));
        }
        return (Convert.ToHexStringLower(manifest.GetHashAndReset()), files);
    }
}
