using System.Globalization;
using System.Text;
using System.Xml;

namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// Streams one <c>GIAMDINHHS</c> envelope (CV 1245/BHXH-CNTT §3.4): THONGTINDONVI/MACSKCB, THONGTINHOSO with NGAYLAP and
/// SOLUONGHOSO, then one HOSO per claim with FILEHOSO XML1, XML2 (when the claim has drugs) and XML3, each NOIDUNGFILE in
/// the claim's style — base64 of the table's own document (one line or wrapped; the document with or without a BOM, an
/// XML declaration, a leading CR/LF) or the table inline. Memory holds one table's document at a time.
/// </summary>
public sealed class ClaimEnvelopeWriter : IDisposable
{
    public const string Root = "GIAMDINHHS";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();
    private static readonly XmlWriterSettings InnerSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false, NewLineChars = "\r\n" };
    private static readonly XmlWriterSettings InnerBareSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false, OmitXmlDeclaration = true };

    private readonly XmlWriter _writer;
    private readonly MemoryStream _document = new();
    private readonly char[] _line = new char[76];
    private readonly bool _signature;
    private int _written;

    /// <summary>Starts an envelope of <paramref name="count"/> HOSO from <paramref name="facilityCode"/>, made on <paramref name="made"/>.</summary>
    /// <param name="bom">Whether the file starts with a UTF-8 BOM (as many real envelopes do).</param>
    /// <param name="namespaces">Whether the root carries the template's xmlns:xsi / xmlns:xsd and the envelope ends with CHUKYDONVI (QĐ 130 template); without, the QĐ 4210-era shape.</param>
    public ClaimEnvelopeWriter(Stream output, string facilityCode, DateOnly made, int count, bool bom, bool namespaces)
    {
        _signature = namespaces;
        _writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(bom), CloseOutput = true, NewLineChars = "\r\n" });
        _writer.WriteStartDocument();
        _writer.WriteWhitespace("\r\n");
        _writer.WriteStartElement(Root);
        if (namespaces)
        {
            _writer.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            _writer.WriteAttributeString("xmlns", "xsd", null, "http://www.w3.org/2001/XMLSchema");
        }
        _writer.WriteStartElement("THONGTINDONVI");
        _writer.WriteElementString("MACSKCB", facilityCode);
        _writer.WriteEndElement();
        _writer.WriteStartElement("THONGTINHOSO");
        _writer.WriteElementString("NGAYLAP", made.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        _writer.WriteElementString("SOLUONGHOSO", count.ToString(CultureInfo.InvariantCulture));
        _writer.WriteStartElement("DANHSACHHOSO");
        _writer.WriteWhitespace("\r\n");
    }

    /// <summary>Writes the claim as the next HOSO.</summary>
    public void Add(ClaimTables tables)
    {
        var stt = ++_written;
        _writer.WriteStartElement("HOSO");
        File("XML1", tables, w => SummaryTable.Write(w, tables, stt));
        if (tables.DrugLines.Any()) File(DetailTables.Drugs, tables, w => DetailTables.WriteDrugs(w, tables));
        File(DetailTables.Services, tables, w => DetailTables.WriteServices(w, tables));
        _writer.WriteEndElement();
        _writer.WriteWhitespace("\r\n");
    }

    private void File(string type, ClaimTables tables, Action<XmlWriter> table)
    {
        _writer.WriteStartElement("FILEHOSO");
        _writer.WriteElementString("LOAIHOSO", type);
        _writer.WriteStartElement("NOIDUNGFILE");
        if (tables.Style.IsBase64) Base64(tables.Style, table);
        else table(_writer);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void Base64(ClaimXmlStyle style, Action<XmlWriter> table)
    {
        _document.SetLength(0);
        if (style.Bom) _document.Write(Bom);
        if (style.LeadingNewLine) _document.Write(CrLf);
        using (var inner = XmlWriter.Create(_document, style.Declaration ? InnerSettings : InnerBareSettings))
            table(inner);
        var bytes = _document.GetBuffer().AsSpan(0, (int)_document.Length);
        var width = style.Content switch { NoiDungFile.Base64Wrapped76 => 76, NoiDungFile.Base64Wrapped64 => 64, _ => 0 };
        if (width == 0)
        {
            _writer.WriteBase64(_document.GetBuffer(), 0, bytes.Length);
            return;
        }
        var chunk = width / 4 * 3;
        for (var start = 0; start < bytes.Length; start += chunk)
        {
            Convert.TryToBase64Chars(bytes.Slice(start, Math.Min(chunk, bytes.Length - start)), _line, out var written);
            _writer.WriteRaw(_line, 0, written);
            _writer.WriteRaw("\r\n");
        }
    }

    /// <summary>Closes the lists, adds CHUKYDONVI where the template has it, and closes the file.</summary>
    public void Dispose()
    {
        _writer.WriteEndElement(); // DANHSACHHOSO
        _writer.WriteEndElement(); // THONGTINHOSO
        if (_signature) _writer.WriteElementString("CHUKYDONVI", "");
        _writer.WriteEndElement();
        _writer.WriteEndDocument();
        _writer.Dispose();
        _document.Dispose();
    }
}
