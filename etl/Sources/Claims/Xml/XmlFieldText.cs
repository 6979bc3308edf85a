using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Reads the value of a simple element in bounded memory: what a claims file can hold in one field is not bounded by
/// the standard's lengths, and a string of a gigabyte must not be built for it.
/// </summary>
internal sealed class XmlFieldText
{
    /// <summary>Longest value kept (characters); the longest kept field of the standards is MA_LK, 100.</summary>
    public const int MaxLength = 1024;

    private readonly char[] _chunk = new char[MaxLength];
    private readonly char[] _discard = new char[4096];

    /// <summary>
    /// The text of a simple element, at most <see cref="MaxLength"/> characters, read chunk by chunk: a field of a
    /// gigabyte is consumed without being held. Leaves the reader after the end tag, as ReadElementContentAsString.
    /// </summary>
    public string Read(XmlReader reader, out bool tooLong)
    {
        tooLong = false;
        var field = reader.LocalName;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var kept = 0;
        reader.Read();
        while (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
        {
            for (int read; (read = kept < MaxLength ? reader.ReadValueChunk(_chunk, kept, MaxLength - kept) : reader.ReadValueChunk(_discard, 0, _discard.Length)) > 0;)
                if (kept < MaxLength) kept += read;
                else tooLong = true;
            reader.Read();
        }
        if (reader.NodeType != XmlNodeType.EndElement)
            throw new XmlException($"Trường <{field}> chứa phần tử con <{reader.LocalName}>; cần một giá trị đơn.", null, (reader as IXmlLineInfo)?.LineNumber ?? 0, (reader as IXmlLineInfo)?.LinePosition ?? 0);
        reader.Read();
        return new string(_chunk, 0, kept);
    }
}
