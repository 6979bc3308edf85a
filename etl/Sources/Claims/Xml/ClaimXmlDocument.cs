using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Walks one claims XML document in a single forward pass — the <c>GIAMDINHHS</c> envelope of QĐ 4210 / QĐ 130 or a
/// bare <c>TONG_HOP</c> — and writes each HOSO's XML1 claim. NOIDUNGFILE may hold base64 (one line or wrapped, decoded
/// in chunks into a nested reader), inline elements, or CDATA holding either. The detail tables XML2 and XML3 go to
/// <paramref name="details"/> when one is given; without it, and always for XML4…XML15, they are skipped undecoded.
/// Yields once per claim so the caller can hand full batches on while the file is read.
/// </summary>
internal sealed class ClaimXmlDocument(Xml1ClaimWriter writer, ClaimXmlIssues issues, ClaimBatchOutput output, Func<int> nextRow,
    Action<ClaimDetail>? details = null)
{
    public const string Envelope = "GIAMDINHHS", Summary = "TONG_HOP";

    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true,
        IgnoreProcessingInstructions = true, CloseInput = false, MaxCharactersFromEntities = 1024,
    };

    private readonly Xml1Fields _fields = new();
    private readonly XmlFieldText _text = new();
    private readonly ClaimDetailReader? _details = details is null ? null : new ClaimDetailReader(issues, details);
    private int _xml1InHoso;
    private bool _xml1Declared;

    /// <summary>Claims written (valid ones).</summary>
    public int Written { get; private set; }

    /// <exception cref="XmlException">The document is not well-formed (the file cannot be read on).</exception>
    /// <exception cref="InvalidBase64Exception">A NOIDUNGFILE is not base64.</exception>
    public IEnumerable<int> Read(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        reader.MoveToContent();
        if (reader.LocalName == Envelope)
        {
            foreach (var hoso in ReadEnvelope(reader)) yield return hoso;
        }
        else if (reader.LocalName == Summary)
        {
            issues.Hoso = 1;
            Claim(reader);
            yield return 1;
        }
        else issues.Error($"<{reader.LocalName}>", "xml.root", $"Phần tử gốc <{reader.LocalName}> không phải GIAMDINHHS hay TONG_HOP.");
        issues.Hoso = 0;
        issues.ClaimId = null;
        while (reader.Read()) { }
    }

    private IEnumerable<int> ReadEnvelope(XmlReader reader)
    {
        string? declared = null;
        var count = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "SOLUONGHOSO":
                    declared = _text.Read(reader, out _).Trim();
                    break;
                case "HOSO":
                    issues.Hoso = ++count;
                    issues.ClaimId = null;
                    Hoso(reader);
                    yield return count;
                    break;
                case "CHUKYDONVI":
                    reader.Skip();
                    break;
            }
        }
        issues.Hoso = 0;
        issues.ClaimId = null;
        const string Where = "GIAMDINHHS/THONGTINHOSO/SOLUONGHOSO";
        if (string.IsNullOrEmpty(declared)) issues.Error(Where, "xml.count_missing", $"Thiếu SOLUONGHOSO; tệp có {count} HOSO.");
        else if (!int.TryParse(declared, out var n) || n != count)
            issues.Error(Where, "xml.count_mismatch", $"SOLUONGHOSO = '{declared}' nhưng DANHSACHHOSO có {count} HOSO.", declared);
    }

    private void Hoso(XmlReader reader)
    {
        _xml1InHoso = 0;
        _xml1Declared = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "FILEHOSO") FileHoso(reader);
                else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
                else reader.Read();
            }
        }
        // A FILEHOSO declared XML1 whose content could not be read has its own error already.
        if (_xml1InHoso == 0 && !_xml1Declared) issues.Error("FILEHOSO", "xml.no_xml1", "HOSO không có bảng XML1 (TONG_HOP).");
    }

    private void FileHoso(XmlReader reader)
    {
        if (reader.IsEmptyElement) { reader.Read(); return; }
        string? type = null;
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element) reader.Read();
            else if (reader.LocalName == "LOAIHOSO")
            {
                type = _text.Read(reader, out _).Trim();
                if (IsXml1(type)) _xml1Declared = true;
            }
            else if (reader.LocalName == "NOIDUNGFILE" && (type is null || IsXml1(type) || _details is not null && ClaimDetailReader.IsDetailType(type)))
                Content(reader);
            else reader.Skip();
        }
        reader.Read();
    }

    private static bool IsXml1(string type) => type.Equals("XML1", StringComparison.OrdinalIgnoreCase) || type == "1";

    /// <summary>NOIDUNGFILE: inline elements, base64 text, or CDATA holding XML or base64; leaves the reader after it.</summary>
    private void Content(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            issues.Error("NOIDUNGFILE", "xml.empty_content", "NOIDUNGFILE rỗng.");
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                Inner(reader, drain: false);
                break;
            case XmlNodeType.Text:
                var decoded = new Base64ContentStream(reader);
                InnerDocument(new LeadingBlankSkippingStream(decoded), "base64");
                decoded.Drain();
                break;
            case XmlNodeType.CDATA:
                var text = reader.Value.Trim();
                if (text.StartsWith('<')) InnerDocument(new StringReader(text), "CDATA");
                else InnerDocument(new LeadingBlankSkippingStream(new MemoryStream(Base64(text))), "CDATA base64");
                reader.Read();
                break;
            case XmlNodeType.EndElement:
                issues.Error("NOIDUNGFILE", "xml.empty_content", "NOIDUNGFILE rỗng.");
                break;
        }
        while (reader.Depth > depth) reader.Skip();
        reader.Read();
    }

    private static byte[] Base64(string text)
    {
        try { return Convert.FromBase64String(text); }
        catch (FormatException e) { throw new InvalidBase64Exception(e.Message); }
    }

    // An inner document that is not well-formed spoils only its HOSO: the envelope around it is still readable.
    private void InnerDocument(object source, string how)
    {
        using var inner = source is Stream s ? XmlReader.Create(s, Settings) : XmlReader.Create((TextReader)source, Settings);
        try
        {
            inner.MoveToContent();
            Inner(inner, drain: true);
        }
        catch (XmlException e)
        {
            issues.Error($"NOIDUNGFILE ({how}) dòng {e.LineNumber}, cột {e.LinePosition}", "xml.malformed",
                $"Nội dung XML1 trong NOIDUNGFILE không đúng cú pháp XML: {e.Message}");
        }
    }

    private void Inner(XmlReader reader, bool drain)
    {
        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == Summary) Claim(reader);
        else if (reader.NodeType == XmlNodeType.Element && _details is not null && ClaimDetailReader.IsDetailRoot(reader.LocalName)) _details.Read(reader);
        else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
        if (drain) while (reader.Read()) { }
    }

    private void Claim(XmlReader reader)
    {
        _fields.Read(reader);
        if (++_xml1InHoso > 1)
        {
            issues.Error("FILEHOSO", "xml.many_xml1", "HOSO có nhiều hơn một bảng XML1 (TONG_HOP); mỗi HOSO là một hồ sơ.");
            return;
        }
        if (writer.Write(_fields, issues, output, nextRow)) Written++;
    }
}
