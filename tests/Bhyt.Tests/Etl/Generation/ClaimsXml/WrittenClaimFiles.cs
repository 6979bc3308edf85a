using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Bhyt.Tests.Etl.Generation.ClaimsXml;

/// <summary>How one FILEHOSO of a written file held its table, and the table itself.</summary>
public sealed record WrittenTable(string Type, string Encoding, byte[] Decoded, XElement Root)
{
    public bool StartsWithBom => Decoded.AsSpan().StartsWith("\uFEFF"u8);
    public string Head => System.Text.Encoding.UTF8.GetString(Decoded.AsSpan(StartsWithBom ? 3 : 0, Math.Min(40, Decoded.Length - (StartsWithBom ? 3 : 0))));
}

/// <summary>One HOSO read back from a written file: where it was, the envelope's declared count, its tables by LOAIHOSO.</summary>
public sealed record WrittenHoso(string File, string Entry, int Declared, IReadOnlyDictionary<string, WrittenTable> Tables)
{
    public XElement Xml1 => Tables["XML1"].Root;

    public string Field(string name) => Xml1.Element(name)?.Value ?? "";

    public IEnumerable<XElement> Lines(string type, string item) => Tables.TryGetValue(type, out var t) ? t.Root.Descendants(item) : [];
}

/// <summary>
/// Reads back what <c>bhyt generate --format xml</c> wrote — every envelope at the top of the folder and in its zips,
/// one HOSO at a time (XmlReader, no DOM of a whole file) — independently of the importer's reader.
/// </summary>
public static class WrittenClaimFiles
{
    public static IEnumerable<WrittenHoso> Read(string directory)
    {
        foreach (var path in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".xml", StringComparison.Ordinal))
            {
                using var stream = File.OpenRead(path);
                foreach (var hoso in Envelope(stream, name, "")) yield return hoso;
            }
            else if (name.EndsWith(".zip", StringComparison.Ordinal))
            {
                using var zip = ZipFile.OpenRead(path);
                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    foreach (var hoso in Envelope(stream, name, entry.FullName)) yield return hoso;
                }
            }
        }
    }

    private static IEnumerable<WrittenHoso> Envelope(Stream stream, string file, string entry)
    {
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = false });
        var declared = -1;
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "SOLUONGHOSO") declared = int.Parse(reader.ReadElementContentAsString());
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "HOSO") yield return Hoso((XElement)XNode.ReadFrom(reader), file, entry, declared);
            else reader.Read();
        }
    }

    private static WrittenHoso Hoso(XElement hoso, string file, string entry, int declared) =>
        new(file, entry, declared, hoso.Elements("FILEHOSO").ToDictionary(f => f.Element("LOAIHOSO")!.Value, f => Table(f.Element("LOAIHOSO")!.Value, f.Element("NOIDUNGFILE")!)));

    private static WrittenTable Table(string type, XElement content)
    {
        if (content.Elements().FirstOrDefault() is { } inline)
        {
            var encoding = inline.DescendantNodes().OfType<XCData>().Any() ? "inline-cdata" : "inline";
            return new WrittenTable(type, encoding, Encoding.UTF8.GetBytes(inline.ToString()), inline);
        }
        var text = content.Value;
        // The parser has turned the CR/LF of the wrapping into LF, as XML does.
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var encodingName = lines.Length > 1 ? $"base64-wrapped-{lines[0].Length}" : "base64";
        var decoded = Convert.FromBase64String(text);
        using var inner = XmlReader.Create(new MemoryStream(decoded), new XmlReaderSettings { IgnoreWhitespace = true });
        try
        {
            inner.MoveToContent();
        }
        catch (XmlException)
        {
            // A leading CR/LF before a declaration: what XmlReader refuses and real files do; read past it here.
            var start = Array.IndexOf(decoded, (byte)'<');
            using var rest = XmlReader.Create(new MemoryStream(decoded, start, decoded.Length - start));
            rest.MoveToContent();
            return new WrittenTable(type, encodingName, decoded, (XElement)XNode.ReadFrom(rest));
        }
        return new WrittenTable(type, encodingName, decoded, (XElement)XNode.ReadFrom(inner));
    }
}
