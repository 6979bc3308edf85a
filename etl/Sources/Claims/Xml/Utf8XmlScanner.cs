using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>What <see cref="Utf8XmlScanner.Read"/> met.</summary>
internal enum XmlToken { Failed, StartElement, EndElement, Text, CData, Comment, ProcessingInstruction, EndOfDocument, NeedMore }

/// <summary>
/// A strict pull scanner over UTF-8 XML in memory — a whole decoded NOIDUNGFILE document, an inline NOIDUNGFILE
/// fragment, or a window of an envelope being streamed: elements (ASCII names, namespace prefixes checked against their
/// declarations), attributes (checked, not reported), text, CDATA, comments, processing instructions, the UTF-8 XML
/// declaration, the five predefined entities and character references. It accepts a subset of what
/// <see cref="System.Xml.XmlReader"/> accepts and nothing more: whatever it does not handle or doubts — a DOCTYPE, another
/// encoding, invalid UTF-8 or characters, a mismatched tag, '&lt;' or a bad '&amp;' in text, a repeated attribute, a
/// non-ASCII name — is <see cref="XmlToken.Failed"/>, and the caller reads the document with XmlReader instead, whose
/// messages name the line and column.
/// </summary>
internal sealed partial class Utf8XmlScanner
{
    // Bytes that are never XML characters in UTF-8 text (C0 controls but tab, LF, CR).
    private static readonly SearchValues<byte> Controls = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not (9 or 10 or 13)).Select(b => (byte)b)]);
    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create("<&]\r"u8);
    private static readonly SearchValues<byte> AttributeSpecials = SearchValues.Create("<&"u8);

    /// <summary>What a streamed window must hold past the scan position (or reach the end of the document).</summary>
    public const int Lookahead = 4096;

    private byte[] _doc = [];
    private int _pos, _end;
    private bool _final, _fragment;
    private int _phase; // 0 before the root, 1 inside it, 2 after it
    private bool _failed;

    // Names of the open elements and declared prefixes, copied (a streamed window moves under them): offsets into _names.
    private byte[] _names = new byte[1024];
    private int _namesLength;
    private int[] _open = new int[64];
    private int _depth;
    private readonly List<(int Start, int Length, int Depth)> _prefixes = [];
    private readonly List<(int Prefix, int PrefixLength, int Local, int LocalLength)> _attributes = [];

    public ReadOnlySpan<byte> Window => _doc.AsSpan(0, _end);

    /// <summary>Where the next token starts, and where the token just read started.</summary>
    public int Position => _pos;
    public int TokenStart { get; private set; }

    /// <summary>Element depth as XmlReader counts it: the root is 0, its children 1; an end tag has its start tag's depth.</summary>
    public int Depth { get; private set; }

    public bool IsEmptyElement { get; private set; }

    /// <summary>Start and length of the local name of the element met (start or end tag).</summary>
    public int LocalStart { get; private set; }
    public int LocalLength { get; private set; }

    /// <summary>Whether the element met has a prefix.</summary>
    public bool IsPrefixed { get; private set; }

    /// <summary>Start and length of raw text (references unresolved) or of a CDATA section's content.</summary>
    public int ValueStart { get; private set; }
    public int ValueLength { get; private set; }

    /// <summary>The text holds a reference ('&amp;').</summary>
    public bool HasReference { get; private set; }

    /// <summary>The text or CDATA holds a CR (XmlReader turns CR LF and lone CR into LF), or a character reference to white space.</summary>
    public bool HasLineBreakOrSpaceReference { get; private set; }

    public ReadOnlySpan<byte> LocalName => _doc.AsSpan(LocalStart, LocalLength);
    public ReadOnlySpan<byte> Value => _doc.AsSpan(ValueStart, ValueLength);

    /// <summary>
    /// Starts on a whole document <paramref name="doc"/>[<paramref name="start"/>..<paramref name="end"/>]; false when
    /// its bytes already rule it out. A <paramref name="fragment"/> is the content of an element: any number of elements
    /// and text, in the scope of the <paramref name="prefixes"/> declared around it.
    /// </summary>
    public bool Begin(byte[] doc, int start, int end, bool fragment = false, IReadOnlyList<string>? prefixes = null)
    {
        Reset(doc, start, end, final: true, fragment);
        foreach (var prefix in prefixes ?? []) DeclarePrefix(Encoding.ASCII.GetBytes(prefix), -1);
        var bytes = doc.AsSpan(start, end - start);
        if (!IsText(bytes)) return false;
        if (!fragment && bytes.StartsWith("<?xml"u8) && bytes.Length > 5 && IsSpace(bytes[5])) return XmlDeclaration();
        return true;
    }

    /// <summary>Starts on the first window of a streamed document, whose characters the caller checks (<see cref="IsText"/>).</summary>
    public void BeginStream(byte[] window, int start, int end, bool final) => Reset(window, start, end, final, fragment: false);

    /// <summary>The prefixes declared where the scan stands, for a fragment cut out here (the same list while they do not change).</summary>
    public List<string>? DeclaredPrefixes()
    {
        if (_prefixes.Count == 0) return null;
        if (_prefixesChanged || _declared is null)
            _declared = [.. _prefixes.Select(p => Encoding.ASCII.GetString(_prefixStore, p.Start, p.Length))];
        _prefixesChanged = false;
        return _declared;
    }

    private List<string>? _declared;
    private bool _prefixesChanged;

    /// <summary>The window moved (<paramref name="shift"/> bytes dropped before it) or grew: the scan goes on where it stood.</summary>
    public void Slide(byte[] window, int shift, int end, bool final) => (_doc, _pos, _end, _final) = (window, _pos - shift, end, final);

    /// <summary>An XML declaration at the start of a streamed document (false: it is not one this scanner accepts).</summary>
    public bool StreamDeclaration() => !Window[_pos..].StartsWith("<?xml"u8) || Window.Length <= _pos + 5 || !IsSpace(Window[_pos + 5]) || XmlDeclaration();

    private void Reset(byte[] doc, int start, int end, bool final, bool fragment)
    {
        (_doc, _pos, _end, _final, _fragment, _failed, _depth, _namesLength) = (doc, start, end, final, fragment, false, 0, 0);
        _phase = fragment ? 1 : 0;
        _prefixes.Clear();
        (_declared, _prefixesChanged) = (null, false);
    }

    /// <summary>The next token; <see cref="XmlToken.Failed"/> ends the scan for good; <see cref="XmlToken.NeedMore"/> asks for a larger window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public XmlToken Read()
    {
        if (_failed) return XmlToken.Failed;
        // A streamed window always shows a few KB ahead, so that a tag or a name is never cut by its end.
        if (!_final && _end - _pos < Lookahead) return XmlToken.NeedMore;
        var doc = Window;
        TokenStart = _pos;
        if (_phase != 1)
        {
            while (_pos < _end && IsSpace(doc[_pos])) _pos++;
            TokenStart = _pos;
            if (_pos >= _end) return !_final ? XmlToken.NeedMore : _phase == 2 ? XmlToken.EndOfDocument : Fail();
            if (doc[_pos] != '<') return Fail();
            return Markup(doc);
        }
        if (_pos >= _end) return !_final ? XmlToken.NeedMore : _fragment && _depth == 0 ? XmlToken.EndOfDocument : Fail();
        return doc[_pos] == '<' ? Markup(doc) : Text(doc);
    }

    private XmlToken Fail()
    {
        _failed = true;
        return XmlToken.Failed;
    }

    private XmlToken More() => _final ? Fail() : XmlToken.NeedMore;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XmlToken Text(ReadOnlySpan<byte> doc)
    {
        var length = doc[_pos..].IndexOf((byte)'<');
        if (length < 0)
        {
            if (!_final) return XmlToken.NeedMore;
            if (!(_fragment && _depth == 0)) return Fail();
            length = _end - _pos;
        }
        var text = doc.Slice(_pos, length);
        (ValueStart, ValueLength, HasReference, HasLineBreakOrSpaceReference) = (_pos, length, false, false);
        for (var i = text.IndexOfAny(TextSpecials); i >= 0;)
        {
            switch (text[i])
            {
                case (byte)'&':
                    if (Reference(text[i..], out var width, out var space) is < 0) return Fail();
                    HasReference = true;
                    HasLineBreakOrSpaceReference |= space;
                    i += width;
                    break;
                case (byte)']':
                    // The text ends before a '<' (or at the end of a fragment): a "]]>" in it is whole.
                    if (text[i..].StartsWith("]]>"u8)) return Fail();
                    i++;
                    break;
                default:
                    HasLineBreakOrSpaceReference = true;
                    i++;
                    break;
            }
            var next = text[i..].IndexOfAny(TextSpecials);
            i = next < 0 ? -1 : i + next;
        }
        _pos += length;
        Depth = _depth;
        return XmlToken.Text;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XmlToken Markup(ReadOnlySpan<byte> doc)
    {
        var rest = doc[_pos..];
        if (rest.Length < 2) return More();
        switch (rest[1])
        {
            case (byte)'/':
                return EndTag(rest);
            case (byte)'?':
                return ProcessingInstruction(rest);
            case (byte)'!':
                if (rest.Length < 9 && !_final) return XmlToken.NeedMore;
                if (rest.StartsWith("<!--"u8)) return Comment(rest);
                if (_phase == 1 && rest.StartsWith("<![CDATA["u8)) return CData(rest);
                return Fail(); // a DOCTYPE, or CDATA outside the root
            default:
                return StartTag(rest);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XmlToken Comment(ReadOnlySpan<byte> rest)
    {
        var end = rest[4..].IndexOf("-->"u8);
        if (end < 0) return More();
        var body = rest.Slice(4, end);
        if (body.IndexOf("--"u8) >= 0 || body.EndsWith("-"u8)) return Fail();
        _pos += 4 + end + 3;
        Depth = _depth;
        return XmlToken.Comment;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XmlToken CData(ReadOnlySpan<byte> rest)
    {
        var end = rest[9..].IndexOf("]]>"u8);
        if (end < 0) return More();
        (ValueStart, ValueLength, HasReference) = (_pos + 9, end, false);
        HasLineBreakOrSpaceReference = rest.Slice(9, end).Contains((byte)'\r');
        _pos += 9 + end + 3;
        Depth = _depth;
        return XmlToken.CData;
    }

    private XmlToken ProcessingInstruction(ReadOnlySpan<byte> rest)
    {
        var close = rest.IndexOf("?>"u8);
        if (close < 0) return More();
        var target = NameLength(rest[2..close], allowColon: false);
        if (target == 0 || target == 3 && Ascii.EqualsIgnoreCase(rest.Slice(2, 3), "xml"u8)) return Fail();
        var after = rest[(2 + target)..];
        if (!after.StartsWith("?>"u8) && !IsSpace(after[0])) return Fail();
        _pos += close + 2;
        Depth = _depth;
        return XmlToken.ProcessingInstruction;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XmlToken EndTag(ReadOnlySpan<byte> rest)
    {
        if (_phase != 1 || _depth == 0) return Fail();
        var (nameStart, nameLength) = (_open[2 * (_depth - 1)], _open[2 * (_depth - 1) + 1]);
        if (rest.Length < 3 + nameLength) return More();
        if (!rest.Slice(2, nameLength).SequenceEqual(_names.AsSpan(nameStart, nameLength))) return Fail();
        var close = 2 + nameLength;
        while (close < rest.Length && IsSpace(rest[close])) close++;
        if (close >= rest.Length) return More();
        if (rest[close] != '>') return Fail();
        SetLocal(_pos + 2, nameLength);
        _pos += close + 1;
        _depth--;
        _namesLength = nameStart;
        Depth = _depth;
        IsEmptyElement = false;
        ForgetPrefixes();
        if (_depth == 0 && !_fragment) _phase = 2;
        return XmlToken.EndElement;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XmlToken StartTag(ReadOnlySpan<byte> rest)
    {
        if (_phase == 2) return Fail();
        var nameLength = NameLength(rest[1..], allowColon: true);
        if (nameLength == 0 || nameLength == rest.Length - 1) return nameLength == 0 ? Fail() : More();
        var at = 1 + nameLength;
        _attributes.Clear();
        while (true)
        {
            var spaces = 0;
            while (at < rest.Length && IsSpace(rest[at])) (at, spaces) = (at + 1, spaces + 1);
            if (at >= rest.Length) return More();
            if (rest[at] == '>') { IsEmptyElement = false; at++; break; }
            if (rest[at] == '/')
            {
                if (at + 1 >= rest.Length) return More();
                if (rest[at + 1] != '>') return Fail();
                IsEmptyElement = true;
                at += 2;
                break;
            }
            if (spaces == 0) return Fail();
            var attribute = Attribute(rest, ref at);
            if (attribute != XmlToken.StartElement) return attribute;
        }
        var nameStart = _pos + 1;
        var colon = rest.Slice(1, nameLength).IndexOf((byte)':');
        IsPrefixed = colon >= 0;
        if ((colon >= 0 || _attributes.Count > 0) && !Namespaces(nameStart, nameLength)) return Fail();
        (LocalStart, LocalLength) = (nameStart + colon + 1, nameLength - colon - 1);
        Depth = _depth;
        _pos += at;
        _phase = 1;
        if (IsEmptyElement)
        {
            ForgetPrefixes();
            if (_depth == 0 && !_fragment) _phase = 2;
            return XmlToken.StartElement;
        }
        if (2 * _depth + 2 > _open.Length) Array.Resize(ref _open, _open.Length * 2);
        if (_namesLength + nameLength > _names.Length) Array.Resize(ref _names, Math.Max(_names.Length * 2, _namesLength + nameLength));
        _doc.AsSpan(nameStart, nameLength).CopyTo(_names.AsSpan(_namesLength));
        (_open[2 * _depth], _open[2 * _depth + 1]) = (_namesLength, nameLength);
        _namesLength += nameLength;
        _depth++;
        return XmlToken.StartElement;
    }

    /// <summary>One attribute, checked; <see cref="XmlToken.StartElement"/> when it is sound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XmlToken Attribute(ReadOnlySpan<byte> rest, ref int at)
    {
        var nameLength = NameLength(rest[at..], allowColon: true);
        if (nameLength == 0) return Fail();
        if (at + nameLength >= rest.Length) return More();
        var name = rest.Slice(at, nameLength);
        var colon = name.IndexOf((byte)':');
        _attributes.Add(colon < 0 ? (0, 0, _pos + at, nameLength) : (_pos + at, colon, _pos + at + colon + 1, nameLength - colon - 1));
        at += nameLength;
        while (at < rest.Length && IsSpace(rest[at])) at++;
        if (at >= rest.Length) return More();
        if (rest[at] != '=') return Fail();
        at++;
        while (at < rest.Length && IsSpace(rest[at])) at++;
        if (at >= rest.Length) return More();
        if (rest[at] is not ((byte)'"' or (byte)'\'')) return Fail();
        var close = rest[(at + 1)..].IndexOf(rest[at]);
        if (close < 0) return More();
        var value = rest.Slice(at + 1, close);
        for (var i = value.IndexOfAny(AttributeSpecials); i >= 0;)
        {
            if (value[i] == '<' || Reference(value[i..], out var width, out _) < 0) return Fail();
            var next = value[(i + width)..].IndexOfAny(AttributeSpecials);
            i = next < 0 ? -1 : i + width + next;
        }
        at += close + 2;
        var declares = colon >= 0 && name[..colon].SequenceEqual("xmlns"u8) || name.SequenceEqual("xmlns"u8);
        return !declares || NamespaceDeclaration(colon < 0 ? default : name[(colon + 1)..], value) ? XmlToken.StartElement : Fail();
    }

}
