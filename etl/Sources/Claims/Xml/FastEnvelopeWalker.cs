using System.Runtime.CompilerServices;
using System.Buffers;
using System.Buffers.Text;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Walks a <c>GIAMDINHHS</c> envelope as <see cref="ClaimXmlDocument"/>'s XmlReader walk does — HOSO by HOSO, the same
/// steps into the <see cref="HosoPipeline"/> — with <see cref="Utf8XmlScanner"/> over a window of the stream, base64
/// decoded by <see cref="Base64"/>, inline contents cut out for the workers. It declines (<see cref="Declined"/>) what it
/// does not reproduce exactly; the HOSO it was in is then dropped unapplied and the envelope is read again by XmlReader
/// from that HOSO on. So that XmlReader would have read every HOSO applied before without meeting a fault, the
/// characters of the stream are checked <see cref="Margin"/> bytes ahead of the scan (XmlReader decodes a few KB ahead
/// of where it parses). Memory: the window grows to hold a content whole, up to <see cref="MaxWindow"/>.
/// </summary>
internal sealed class FastEnvelopeWalker(Stream stream, bool details) : IDisposable
{
    private const int Margin = 64 << 10;
    private const int MaxWindow = 16 << 20;
    private static readonly SearchValues<byte> Base64Text = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"u8);
    private static readonly SearchValues<byte> Blank = SearchValues.Create(" \t\r\n"u8);

    private readonly Utf8XmlScanner _x = new();
    private byte[] _window = ArrayPool<byte>.Shared.Rent(1 << 20);
    private byte[] _compact = [];
    private int _end, _checked, _limit, _pin = -1;
    private bool _eof, _poisoned;

    /// <summary>HOSO met so far (the one being walked included).</summary>
    public int HosoCount { get; private set; }

    /// <summary>SOLUONGHOSO as written (trimmed), null until met.</summary>
    public string? DeclaredCount { get; private set; }

    /// <summary>The walk stopped on something it does not reproduce; <see cref="HosoCount"/> is the HOSO it was in.</summary>
    public bool Declined { get; private set; }

    /// <summary>To the root: true when it is an unprefixed GIAMDINHHS, after a UTF-8 declaration, comments and PIs only.</summary>
    public bool Start()
    {
        while (!(_eof && !_poisoned) && _limit < Utf8XmlScanner.Lookahead + 3)
            if (!Fill(first: true)) return false;
        var start = _window.AsSpan(0, _end).StartsWith("\uFEFF"u8) ? 3 : 0;
        _x.BeginStream(_window, start, _limit, _eof && !_poisoned);
        if (!_x.StreamDeclaration()) return false;
        while (true)
        {
            var token = Next();
            if (token is XmlToken.Comment or XmlToken.ProcessingInstruction) continue;
            return token == XmlToken.StartElement && !_x.IsPrefixed && _x.LocalName.SequenceEqual("GIAMDINHHS"u8) && !_x.IsEmptyElement;
        }
    }

    /// <summary>Walks to the end of the next HOSO (true) or of the document (false; see <see cref="Declined"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool NextHoso(HosoPipeline pipeline)
    {
        while (true)
        {
            switch (Next())
            {
                case XmlToken.Failed or XmlToken.CData:
                    return Decline();
                case XmlToken.EndOfDocument:
                    return false;
                case XmlToken.StartElement when _x.IsPrefixed:
                    return Decline();
                case XmlToken.StartElement when _x.LocalName.SequenceEqual("SOLUONGHOSO"u8):
                    if (SimpleText() is not { } count) return Decline();
                    DeclaredCount = count.Trim();
                    break;
                case XmlToken.StartElement when _x.LocalName.SequenceEqual("HOSO"u8):
                    return Hoso(pipeline) || Decline();
                case XmlToken.StartElement when _x.LocalName.SequenceEqual("CHUKYDONVI"u8):
                    if (!Skip()) return Decline();
                    break;
            }
        }
    }

    private bool Decline()
    {
        Declined = true;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Hoso(HosoPipeline pipeline)
    {
        var hoso = ++HosoCount;
        pipeline.Add(new HosoChunk.Step(HosoChunk.Kind.HosoStart, hoso));
        var xml1Declared = false;
        if (!_x.IsEmptyElement)
        {
            var depth = _x.Depth;
            for (var done = false; !done;)
                switch (Next())
                {
                    case XmlToken.Failed or XmlToken.CData or XmlToken.EndOfDocument:
                        return false;
                    case XmlToken.EndElement when _x.Depth == depth:
                        done = true;
                        break;
                    case XmlToken.StartElement when _x.IsPrefixed:
                        return false;
                    case XmlToken.StartElement when _x.LocalName.SequenceEqual("FILEHOSO"u8):
                        if (!FileHoso(pipeline, ref xml1Declared)) return false;
                        break;
                    case XmlToken.StartElement:
                        if (!Skip()) return false;
                        break;
                }
        }
        pipeline.Add(new HosoChunk.Step(HosoChunk.Kind.HosoEnd, hoso, xml1Declared));
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FileHoso(HosoPipeline pipeline, ref bool xml1Declared)
    {
        if (_x.IsEmptyElement) return true;
        string? type = null;
        var depth = _x.Depth;
        while (true)
            switch (Next())
            {
                case XmlToken.Failed or XmlToken.CData or XmlToken.EndOfDocument:
                    return false;
                case XmlToken.EndElement when _x.Depth == depth:
                    return true;
                case XmlToken.StartElement when _x.IsPrefixed:
                    return false;
                case XmlToken.StartElement when _x.LocalName.SequenceEqual("LOAIHOSO"u8):
                    if (SimpleText() is not { } text) return false;
                    type = text.Trim();
                    xml1Declared |= IsXml1(type);
                    break;
                case XmlToken.StartElement when _x.LocalName.SequenceEqual("NOIDUNGFILE"u8) &&
                                                (type is null || IsXml1(type) || details && ClaimDetailReader.IsDetailType(type)):
                    if (!Content(pipeline)) return false;
                    break;
                case XmlToken.StartElement:
                    if (!Skip()) return false;
                    break;
            }
    }

    private static bool IsXml1(string type) => type.Equals("XML1", StringComparison.OrdinalIgnoreCase) || type == "1";

    /// <summary>NOIDUNGFILE: base64 text decoded, or inline elements cut out, for the workers; anything else declines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Content(HosoPipeline pipeline)
    {
        if (_x.IsEmptyElement) return false;
        var depth = _x.Depth;
        var prefixes = _x.DeclaredPrefixes();
        _pin = _x.Position;
        try
        {
            var token = Next();
            if (token == XmlToken.Text && _x.Value.IndexOfAnyExcept(Blank) >= 0)
                return Base64Content(pipeline, depth);
            if (token == XmlToken.Text) token = Next();
            return token == XmlToken.StartElement && InlineContent(pipeline, depth, prefixes);
        }
        finally
        {
            _pin = -1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Base64Content(HosoPipeline pipeline, int depth)
    {
        ReadOnlySpan<byte> text = _x.Value;
        if (text.IndexOfAnyExcept(Base64Text) >= 0) return false;
        if (text.IndexOfAny(Blank) >= 0) text = WithoutBlanks(text);
        if (text.Length % 4 != 0 || text.Length / 4 * 3 > ClaimXmlDocument.BufferedContentLimit) return false;
        var content = pipeline.RentContent();
        if (Base64.DecodeFromUtf8(text, content.Reserve(text.Length / 4 * 3), out var consumed, out var written) != OperationStatus.Done
            || consumed != text.Length || Next() is not XmlToken.EndElement || _x.Depth != depth)
        {
            pipeline.ReturnContent(content);
            return false;
        }
        content.Hold(written);
        pipeline.Add(new HosoChunk.Step(HosoChunk.Kind.Content, HosoCount, Content: content));
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> WithoutBlanks(ReadOnlySpan<byte> text)
    {
        if (_compact.Length < text.Length) _compact = new byte[Math.Max(text.Length, 2 * _compact.Length)];
        var length = 0;
        while (!text.IsEmpty)
        {
            var blank = text.IndexOfAny(Blank);
            var part = blank < 0 ? text : text[..blank];
            part.CopyTo(_compact.AsSpan(length));
            length += part.Length;
            text = blank < 0 ? default : text[(blank + 1)..];
        }
        return _compact.AsSpan(0, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool InlineContent(HosoPipeline pipeline, int depth, List<string>? prefixes)
    {
        while (true)
        {
            var token = Next();
            if (token is XmlToken.Failed or XmlToken.EndOfDocument) return false;
            if (token == XmlToken.EndElement && _x.Depth == depth) break;
        }
        var content = pipeline.RentContent();
        _window.AsSpan(_pin, _x.TokenStart - _pin).CopyTo(content.Reserve(_x.TokenStart - _pin));
        content.Hold(_x.TokenStart - _pin);
        (content.Fragment, content.Prefixes) = (true, prefixes);
        pipeline.Add(new HosoChunk.Step(HosoChunk.Kind.Content, HosoCount, Content: content));
        return true;
    }

    /// <summary>The text of a simple element (SOLUONGHOSO, LOAIHOSO) as XmlFieldText reads it, untrimmed; null unless plain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? SimpleText()
    {
        if (_x.IsEmptyElement) return "";
        var token = Next();
        if (token == XmlToken.EndElement) return "";
        if (token != XmlToken.Text || _x.HasReference || _x.HasLineBreakOrSpaceReference || _x.ValueLength > XmlFieldText.MaxLength) return null;
        var text = System.Text.Encoding.UTF8.GetString(_x.Value);
        return Next() == XmlToken.EndElement ? text : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Skip()
    {
        if (_x.IsEmptyElement) return true;
        var depth = _x.Depth;
        while (true)
        {
            var token = Next();
            if (token is XmlToken.Failed or XmlToken.EndOfDocument) return false;
            if (token == XmlToken.EndElement && _x.Depth == depth) return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XmlToken Next()
    {
        while (true)
        {
            var token = _x.Read();
            if (token != XmlToken.NeedMore) return token;
            if (!Fill(first: false)) return XmlToken.Failed;
        }
    }

    /// <summary>
    /// More of the stream into the window (the bytes before the scan, or before a content being cut out, dropped), its
    /// characters checked; false when the scan cannot go further (a fault ahead, a content beyond the largest window).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill(bool first)
    {
        var before = _limit;
        while (true)
        {
            if (_eof || _poisoned) return false;
            var keep = first ? 0 : _pin >= 0 ? Math.Min(_pin, _x.Position) : _x.Position;
            if (keep > 0)
            {
                Buffer.BlockCopy(_window, keep, _window, 0, _end - keep);
                (_end, _checked, _limit) = (_end - keep, _checked - keep, _limit - keep);
                if (_pin >= 0) _pin -= keep;
                before -= keep;
            }
            if (_end == _window.Length)
            {
                if (_window.Length >= MaxWindow) return false;
                var larger = ArrayPool<byte>.Shared.Rent(_window.Length * 2);
                Buffer.BlockCopy(_window, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_window);
                _window = larger;
            }
            int read;
            try
            {
                read = stream.Read(_window, _end, _window.Length - _end);
            }
            catch (Exception)
            {
                // A corrupt or refused entry: XmlReader, reading again, meets it where a sequential read does.
                _poisoned = true;
                return false;
            }
            _end += read;
            _eof = read == 0;
            Check();
            _limit = _eof && !_poisoned ? _end : Math.Max(_checked - Margin, 0);
            if (!first) _x.Slide(_window, keep, _limit, _eof && !_poisoned);
            if (_limit > before || _eof && !_poisoned) return true;
        }
    }

    /// <summary>Checks the characters read since the last check, up to the last whole UTF-8 sequence (all of them at the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Check()
    {
        var upTo = _end;
        if (!_eof)
            for (var back = 1; back <= 3 && back <= _end - _checked; back++)
            {
                var b = _window[_end - back];
                if (b < 0x80) break;
                if (b < 0xC0) continue;
                if (back < (b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2)) upTo = _end - back;
                break;
            }
        var valid = Utf8XmlScanner.TextLength(_window.AsSpan(_checked, upTo - _checked));
        _poisoned = valid < upTo - _checked;
        _checked += valid;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_window);
        _window = [];
    }
}
