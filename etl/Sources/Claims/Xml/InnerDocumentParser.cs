using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Parses the documents inside NOIDUNGFILE: a TONG_HOP's fields, or the lines of XML2/XML3. One per thread — its
/// name table is shared by every document that thread parses, so element names are not allocated again for each one.
/// A document is read by <see cref="FastInnerDocument"/> first; what that declines is read again by XmlReader, whose
/// results (and messages, with line and column) are the reference the fast path reproduces.
/// </summary>
internal sealed class InnerDocumentParser(bool fast = true)
{
    private readonly XmlReaderSettings _settings = NewSettings();
    private readonly FastInnerDocument? _fast = fast ? new FastInnerDocument() : null;

    private static XmlReaderSettings NewSettings()
    {
        var settings = ClaimXmlDocument.Settings.Clone();
        settings.NameTable = new NameTable();
        return settings;
    }

    /// <summary>Documents the fast path declined (read by XmlReader), for the benchmark.</summary>
    public int Declined { get; private set; }

    /// <summary>Parses a decoded NOIDUNGFILE into its own fields, detail lines and deferred errors.</summary>
    public void Parse(DecodedContent content, bool details)
    {
        if (content.Fragment)
        {
            // Cut out of the envelope, it has no XmlReader of its own: declined, the envelope is read again by XmlReader.
            if (_fast!.TryParse(content, 0, details)) return;
            content.ForgetParse();
            content.Declined = true;
            return;
        }
        var start = LeadingBlanks(content.Buffer.AsSpan(0, content.Length));
        if (_fast is not null)
        {
            if (_fast.TryParse(content, start, details)) return;
            Declined++;
            content.ForgetParse();
        }
        using var stream = new MemoryStream(content.Buffer, start, content.Length - start, writable: false);
        using var reader = XmlReader.Create(stream, _settings);
        try
        {
            reader.MoveToContent();
            content.HasClaim = Root(reader, content.Fields, details ? content.DetailReader : null);
            while (reader.Read()) { }
        }
        catch (XmlException e)
        {
            Malformed(content.Issues, "base64", e);
        }
    }

    /// <summary>
    /// Reads the element the reader is on: a TONG_HOP into <paramref name="fields"/> (true once read to its end tag), the
    /// lines of a detail table into <paramref name="details"/> when one is given; any other element is skipped.
    /// </summary>
    public static bool Root(XmlReader reader, Xml1Fields fields, ClaimDetailReader? details)
    {
        if (reader.NodeType != XmlNodeType.Element) return false;
        if (reader.LocalName == ClaimXmlDocument.Summary)
        {
            fields.Read(reader);
            return true;
        }
        if (details is not null && ClaimDetailReader.IsDetailRoot(reader.LocalName)) details.Read(reader);
        else reader.Skip();
        return false;
    }

    // An inner document that is not well-formed spoils only its HOSO: the envelope around it is still readable.
    public static void Malformed(ClaimXmlIssues issues, string how, XmlException e) =>
        issues.Error($"NOIDUNGFILE ({how}) dòng {e.LineNumber}, cột {e.LinePosition}", "xml.malformed",
            $"Nội dung XML1 trong NOIDUNGFILE không đúng cú pháp XML: {e.Message}");

    /// <summary>What real files put before the XML declaration (BOM, CR/LF, spaces), as <see cref="LeadingBlankSkippingStream"/> skips it.</summary>
    private static int LeadingBlanks(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (bytes[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') at++;
            else if (bytes[at..].StartsWith("\uFEFF"u8)) at += 3;
            else break;
        }
        return at;
    }
}
