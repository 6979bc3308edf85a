using System.IO.Compression;
using Bhyt.Etl.Import.Progress;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// The claims files of a .zip, opened one at a time in directory order (the archive's central directory is read, the
/// entries are inflated as they are read, never extracted), each through a stream that counts what it inflates.
/// Entries that are not .xml are skipped and counted.
/// </summary>
internal sealed class ClaimArchive(string path, ClaimArchiveLimits limits, LoadMeter? meter = null) : IClaimEntries
{
    private readonly ZipArchive _zip = new(File.OpenRead(path).CountedBy(meter), ZipArchiveMode.Read, leaveOpen: false);
    private long _inflated;

    public int Skipped { get; private set; }

    public string Container => "tệp nén";

    public static bool IsZip(string path) => Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>The .xml entries, checked against the limits before any is opened.</summary>
    /// <exception cref="ArchiveRefusedException">The archive breaks a limit.</exception>
    public IReadOnlyList<ClaimEntry> XmlEntries()
    {
        var entries = _zip.Entries;
        if (entries.Count > limits.MaxEntries)
            throw new ArchiveRefusedException("", $"Tệp nén có {entries.Count:N0} mục, quá giới hạn {limits.MaxEntries:N0}.");
        var xml = new List<ClaimEntry>();
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) { Skipped++; continue; }
            Check(entry, entry.Length);
            total += entry.Length;
            xml.Add(new Entry(this, entry));
        }
        if (total > limits.MaxTotalBytes)
            throw new ArchiveRefusedException("", $"Tệp nén giải nén ra {total:N0} byte, quá giới hạn {limits.MaxTotalBytes:N0} byte.");
        return xml;
    }

    /// <summary>The entry's bytes as they inflate; reading past its declared size or the limits throws.</summary>
    private Stream Open(ZipArchiveEntry entry) => new CountingStream(entry.Open(), entry.Length, inflated =>
    {
        _inflated += inflated;
        if (_inflated > limits.MaxTotalBytes)
            throw new ArchiveRefusedException(entry.FullName, $"Tệp nén giải nén ra hơn {limits.MaxTotalBytes:N0} byte.");
    }, entry.FullName);

    /// <summary>The entry again from its start, <paramref name="first"/> (its first opening) no longer counted toward the total.</summary>
    private Stream Reopen(ZipArchiveEntry entry, Stream first)
    {
        _inflated -= ((CountingStream)first).Counted;
        return Open(entry);
    }

    private void Check(ZipArchiveEntry entry, long length)
    {
        if (length > limits.MaxEntryBytes)
            throw new ArchiveRefusedException(entry.FullName, $"Mục {entry.FullName} giải nén ra {length:N0} byte, quá giới hạn {limits.MaxEntryBytes:N0}.");
        if (length > limits.RatioFloorBytes && length > (long)limits.MaxRatio * Math.Max(1, entry.CompressedLength))
            throw new ArchiveRefusedException(entry.FullName,
                $"Mục {entry.FullName} nén {length / Math.Max(1, entry.CompressedLength):N0} lần (giới hạn {limits.MaxRatio}): nghi là zip bomb.");
    }

    public void Dispose() => _zip.Dispose();

    private sealed class Entry(ClaimArchive archive, ZipArchiveEntry entry) : ClaimEntry(entry.FullName, entry.Length)
    {
        public override Stream Open() => archive.Open(entry);

        public override Stream Reopen(Stream first) => archive.Reopen(entry, first);
    }

    /// <summary>Counts inflated bytes toward the total; more than the entry declared (which .NET already cuts) is refused too.</summary>
    private sealed class CountingStream(Stream inner, long declared, Action<int> counted, string name) : ReadOnlyStream
    {
        private long _read;

        public long Counted => Math.Min(_read, declared);

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _read += read;
            if (_read > declared)
                throw new ArchiveRefusedException(name, $"Mục {name} giải nén ra nhiều hơn {declared:N0} byte đã khai: tệp nén bị sửa hoặc là zip bomb.");
            counted(read);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
