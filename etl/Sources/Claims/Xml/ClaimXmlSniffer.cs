using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Recognises a claims XML by its root element (GIAMDINHHS or TONG_HOP) — or, when the start is not well-formed, by
/// those tags in its first bytes, so that a broken claims file is rejected with its errors rather than not recognised.
/// A .zip is recognised by its first .xml entry; a damaged one (cut short, or not a zip at all) is taken too, as no
/// other kind reads .zip, so that the claims reader rejects it saying why rather than nobody recognising it.
/// </summary>
internal static class ClaimXmlSniffer
{
    private const int Head = 64 * 1024;

    public static bool LooksLikeClaims(string path)
    {
        try
        {
            if (!ClaimArchive.IsZip(path)) return LooksLikeClaims(File.OpenRead(path));
            if (!OpensAsZip(path)) return true;
            using var zip = ZipFile.OpenRead(path);
            var first = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
            return first is not null && LooksLikeClaims(first.Open());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool OpensAsZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool LooksLikeClaims(Stream stream)
    {
        using (stream)
        {
            var head = new byte[Head];
            var length = 0;
            for (int read; length < head.Length && (read = stream.Read(head, length, head.Length - length)) > 0;) length += read;
            try
            {
                using var reader = XmlReader.Create(new MemoryStream(head, 0, length), ClaimXmlDocument.Settings);
                reader.MoveToContent();
                return reader.LocalName is ClaimXmlDocument.Envelope or ClaimXmlDocument.Summary;
            }
            catch (XmlException)
            {
                var text = Encoding.UTF8.GetString(head, 0, length);
                return text.Contains("<" + ClaimXmlDocument.Envelope, StringComparison.Ordinal) || text.Contains("<" + ClaimXmlDocument.Summary, StringComparison.Ordinal);
            }
        }
    }
}
