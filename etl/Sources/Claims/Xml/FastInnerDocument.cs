using System.Runtime.CompilerServices;
using System.Text;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Reads a decoded NOIDUNGFILE with <see cref="Utf8XmlScanner"/> into what <see cref="InnerDocumentParser"/>'s XmlReader
/// path reads from it — a TONG_HOP's fields, the lines of XML2/XML3 — with the same results, at a fraction of the cost.
/// Declines (false) whatever it does not reproduce exactly: the document is then read again by XmlReader, from scratch.
/// Besides what the scanner refuses, that is a kept field holding anything but plain text or one CDATA section (a child
/// element, a comment, a CR, a reference to white space) or longer than <see cref="XmlFieldText.MaxLength"/> bytes.
/// </summary>
internal sealed class FastInnerDocument
{
    private readonly Utf8XmlScanner _x = new();
    private readonly byte[] _value = new byte[XmlFieldText.MaxLength];

    /// <summary>
    /// Reads the document in <paramref name="content"/> from <paramref name="start"/>; false when it declines (the content
    /// is then half-filled). An inline content (<see cref="DecodedContent.Fragment"/>) is read as the envelope's reader
    /// reads it: its first element, after white space, comments and processing instructions; the rest is stepped over.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParse(DecodedContent content, int start, bool details)
    {
        if (!_x.Begin(content.Buffer, start, content.Length, content.Fragment, content.Prefixes)) return false;
        var token = _x.Read();
        while (token is XmlToken.Comment or XmlToken.ProcessingInstruction || token == XmlToken.Text && content.Fragment && IsWhiteSpace(_x.Value))
            token = _x.Read();
        if (token != XmlToken.StartElement) return false;
        if (_x.LocalName.SequenceEqual(ClaimXmlDocument.SummaryUtf8))
        {
            if (!Summary(content.Fields)) return false;
            content.HasClaim = true;
        }
        else if (details && ClaimDetailReader.DetailTable(_x.LocalName) is { } table)
        {
            if (!Lines(content.DetailReader, table)) return false;
        }
        else if (!Skip()) return false;
        while (true)
        {
            token = _x.Read();
            if (token == XmlToken.EndOfDocument) return true;
            if (token == XmlToken.Failed) return false;
        }
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\n\r"u8) < 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Summary(Xml1Fields fields)
    {
        fields.Begin();
        if (_x.IsEmptyElement) return true;
        var depth = _x.Depth;
        while (true)
        {
            switch (_x.Read())
            {
                case XmlToken.Failed:
                    return false;
                case XmlToken.EndElement when _x.Depth == depth:
                    return true;
                case XmlToken.StartElement:
                    if (Xml1Fields.TryFind(_x.LocalName, out var slot, out var name))
                    {
                        if (FieldValue() is not { } value) return false;
                        fields.Set(name, slot, value, tooLong: false);
                    }
                    else if (!Skip()) return false;
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Lines(ClaimDetailReader reader, string table)
    {
        if (_x.IsEmptyElement) return true;
        var line = ClaimDetailReader.LineElement(table);
        var depth = _x.Depth;
        while (true)
        {
            switch (_x.Read())
            {
                case XmlToken.Failed:
                    return false;
                case XmlToken.EndElement when _x.Depth == depth:
                    return true;
                case XmlToken.StartElement when _x.LocalName.SequenceEqual(line):
                    if (!Line(reader, table)) return false;
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Line(ClaimDetailReader reader, string table)
    {
        reader.BeginLine();
        if (!_x.IsEmptyElement)
        {
            var depth = _x.Depth;
            for (var done = false; !done;)
                switch (_x.Read())
                {
                    case XmlToken.Failed:
                        return false;
                    case XmlToken.EndElement when _x.Depth == depth:
                        done = true;
                        break;
                    case XmlToken.StartElement:
                        if (ClaimDetailReader.TryField(_x.LocalName, out var field))
                        {
                            if (FieldValue(ClaimDetailReader.IsNumber(field), out var number) is not { } value) return false;
                            if (number is { } n) reader.AddNumber(field, n);
                            else reader.Add(field, value);
                        }
                        else if (!Skip()) return false;
                        break;
                }
        }
        reader.EndLine(table);
        return true;
    }

    /// <summary>Steps over the element the scanner is on, to its end tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Skip()
    {
        if (_x.IsEmptyElement) return true;
        var depth = _x.Depth;
        while (true)
        {
            var token = _x.Read();
            if (token == XmlToken.Failed) return false;
            if (token == XmlToken.EndElement && _x.Depth == depth) return true;
        }
    }

    /// <summary>
    /// The trimmed value of the simple element the scanner is on, as XmlFieldText reads it; null (decline) unless it is
    /// empty, one text, or one CDATA section between white space, free of CR and of references to white space.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? FieldValue() => FieldValue(number: false, out _);

    /// <summary>
    /// As <see cref="FieldValue()"/>; a <paramref name="number"/> field of plain digits (one '.' or ',' at most) below
    /// <see cref="ClaimDetailReader.MaxMagnitude"/> is read straight from its bytes into <paramref name="parsed"/> (the text returned is then empty).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? FieldValue(bool number, out decimal? parsed)
    {
        parsed = null;
        if (_x.IsEmptyElement) return "";
        var token = _x.Read();
        if (token == XmlToken.EndElement) return "";
        if (token == XmlToken.Text && number && !_x.HasReference && ClaimNumber.TryPlain(_x.Value, out var plain) && plain < ClaimDetailReader.MaxMagnitude)
        {
            parsed = plain;
            return _x.Read() == XmlToken.EndElement ? "" : null;
        }
        if (token == XmlToken.Text && !IsWhiteSpace(_x.Value))
        {
            if (_x.HasLineBreakOrSpaceReference || _x.ValueLength > _value.Length) return null;
            var length = _x.HasReference ? Resolve(_x.Value) : _x.ValueLength;
            var value = Encoding.UTF8.GetString(_x.HasReference ? _value.AsSpan(0, length) : _x.Value).Trim();
            return _x.Read() == XmlToken.EndElement ? value : null;
        }
        if (token == XmlToken.Text) token = _x.Read(); // white space, which XmlReader drops
        if (token == XmlToken.EndElement) return "";
        if (token != XmlToken.CData || _x.HasLineBreakOrSpaceReference || _x.ValueLength > _value.Length) return null;
        var text = Encoding.UTF8.GetString(_x.Value).Trim();
        token = _x.Read();
        if (token == XmlToken.Text && IsWhiteSpace(_x.Value)) token = _x.Read();
        return token == XmlToken.EndElement ? text : null;
    }

    /// <summary>Text with its references replaced by their characters, into <see cref="_value"/> (never longer than the text).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Resolve(ReadOnlySpan<byte> text)
    {
        var length = 0;
        while (true)
        {
            var amp = text.IndexOf((byte)'&');
            var plain = amp < 0 ? text : text[..amp];
            plain.CopyTo(_value.AsSpan(length));
            length += plain.Length;
            if (amp < 0) return length;
            var code = Utf8XmlScanner.Reference(text[amp..], out var width, out _);
            length += new Rune(code).EncodeToUtf8(_value.AsSpan(length));
            text = text[(amp + width)..];
        }
    }
}
