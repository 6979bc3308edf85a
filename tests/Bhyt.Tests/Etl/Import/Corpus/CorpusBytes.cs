using System.IO.Compression;
using System.Text;

namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>Byte-level shapes of the corpus: encodings, truncation, junk, archives and the header of an encrypted Office file.</summary>
internal static class CorpusBytes
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Utf8(text)];

    public static byte[] Utf16(string text, bool bigEndian = false, bool bom = true)
    {
        var encoding = new UnicodeEncoding(bigEndian, bom);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    /// <summary>Seeded, so a failing file is the same file on the next run.</summary>
    public static byte[] Junk(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The first <paramref name="share"/> of the bytes, as a copy or upload cut short leaves them.</summary>
    public static byte[] Truncated(byte[] bytes, double share) => bytes[..(int)(bytes.Length * share)];

    public static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        return memory.ToArray();
    }

    /// <summary>A zip entry that inflates to <paramref name="megabytes"/> MB of one repeated byte: a few KB compressed.</summary>
    public static byte[] ZipBomb(string entryName, string prefix, int megabytes, string suffix)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            entry.Write(Utf8(prefix));
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < megabytes; i++) entry.Write(block);
            entry.Write(Utf8(suffix));
        }
        return memory.ToArray();
    }

    /// <summary>
    /// What Office saves when a document is protected by a password: not a zip but an OLE compound file (CFB) holding
    /// EncryptionInfo and EncryptedPackage streams. The signature and a sector of noise are enough for any reader to see it.
    /// </summary>
    public static byte[] EncryptedOffice(int seed) =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[16], 0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00,
            .. Utf16("EncryptionInfo", bom: false), .. Utf16("EncryptedPackage", bom: false), .. Junk(4096, seed)];

    /// <summary>Text in Windows-1258 as Vietnamese Windows software saves it (tone marks as combining bytes where the code page lacks the letter).</summary>
    public static byte[] Windows1258(string text) => Parsing.Encodings.LegacyBytes.Encode("1258-composed", text);
}
