using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>What <see cref="Utf8XmlScanner"/> accepts as characters: valid UTF-8 text, references, white space and the XML declaration.</summary>
internal sealed partial class Utf8XmlScanner
{
    /// <summary>Valid UTF-8 of XML characters only (no C0 control but tab, LF, CR; no U+FFFE, U+FFFF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsText(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes) && !bytes.ContainsAny(Controls) && !HasNonCharacter(bytes);

    private static bool HasNonCharacter(ReadOnlySpan<byte> bytes) => NonCharacter(bytes) >= 0;

    private static int NonCharacter(ReadOnlySpan<byte> bytes)
    {
        for (var at = bytes.IndexOf((byte)0xEF); at >= 0 && at + 2 < bytes.Length; at = Next(bytes, at))
            if (bytes[at + 1] == 0xBF && bytes[at + 2] is 0xBE or 0xBF) return at;
        return -1;

        static int Next(ReadOnlySpan<byte> b, int at) => b[(at + 1)..].IndexOf((byte)0xEF) is var i and >= 0 ? at + 1 + i : -1;
    }

    /// <summary>How many bytes at the start of <paramref name="bytes"/> pass <see cref="IsText"/> (all of them when they all do).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int TextLength(ReadOnlySpan<byte> bytes)
    {
        if (IsText(bytes)) return bytes.Length;
        var length = bytes.IndexOfAny(Controls) is var control and >= 0 ? control : bytes.Length;
        if (NonCharacter(bytes[..length]) is var non and >= 0) length = non;
        Span<char> chars = stackalloc char[1024];
        for (var at = 0; at < length;)
        {
            var status = Utf8.ToUtf16(bytes[at..length], chars, out var read, out _, replaceInvalidSequences: false);
            at += read;
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData) return at;
            if (status == OperationStatus.Done) break;
        }
        return length;
    }

    /// <summary>
    /// The character a reference at the start of <paramref name="text"/> stands for (-1 when it is not one the scanner
    /// accepts: only the five predefined entities and character references to XML characters), and its width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Reference(ReadOnlySpan<byte> text, out int width, out bool space)
    {
        space = false;
        width = text.IndexOf((byte)';') + 1;
        if (width < 3 || width > 12) return -1;
        var name = text[1..(width - 1)];
        if (name.SequenceEqual("lt"u8)) return '<';
        if (name.SequenceEqual("gt"u8)) return '>';
        if (name.SequenceEqual("amp"u8)) return '&';
        if (name.SequenceEqual("apos"u8)) return '\'';
        if (name.SequenceEqual("quot"u8)) return '"';
        if (name[0] != '#' || name.Length < 2) return -1;
        var hex = name[1] == 'x';
        var digits = name[(hex ? 2 : 1)..];
        if (digits.IsEmpty || digits.Length > 6) return -1;
        var code = 0;
        foreach (var d in digits)
        {
            int v = d is >= (byte)'0' and <= (byte)'9' ? d - '0' : hex && d is >= (byte)'a' and <= (byte)'f' ? d - 'a' + 10 : hex && d is >= (byte)'A' and <= (byte)'F' ? d - 'A' + 10 : -1;
            if (v < 0) return -1;
            code = code * (hex ? 16 : 10) + v;
        }
        space = code is 9 or 10 or 13 or 32;
        var isChar = code is 9 or 10 or 13 || code is >= 0x20 and <= 0xD7FF || code is >= 0xE000 and <= 0xFFFD || code is >= 0x10000 and <= 0x10FFFF;
        return isChar ? code : -1;
    }

    public static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>The XML declaration at the start: version 1.0, encoding UTF-8 if any, standalone yes/no if any; anything else fails.</summary>
    private bool XmlDeclaration()
    {
        var doc = Window;
        var close = doc[_pos..].IndexOf("?>"u8);
        if (close < 0) return false;
        var end = _pos + close;
        var at = _pos + 5;
        var seen = 0;
        while (true)
        {
            var spaces = 0;
            while (at < end && IsSpace(doc[at])) (at, spaces) = (at + 1, spaces + 1);
            if (at == end)
            {
                _pos = end + 2;
                return seen >= 1;
            }
            if (spaces == 0) return false;
            var nameLength = NameLength(doc[at..end], allowColon: false);
            var name = doc.Slice(at, nameLength);
            at += nameLength;
            while (at < end && IsSpace(doc[at])) at++;
            if (at >= end || doc[at] != '=') return false;
            at++;
            while (at < end && IsSpace(doc[at])) at++;
            if (at >= end || doc[at] is not ((byte)'"' or (byte)'\'')) return false;
            var quote = doc[(at + 1)..end].IndexOf(doc[at]);
            if (quote < 0) return false;
            var value = doc.Slice(at + 1, quote);
            at += quote + 2;
            var ok = seen switch
            {
                0 => name.SequenceEqual("version"u8) && value.SequenceEqual("1.0"u8) ? 1 : 0,
                _ when name.SequenceEqual("encoding"u8) && seen == 1 => Ascii.EqualsIgnoreCase(value, "utf-8"u8) ? 2 : 0,
                _ when name.SequenceEqual("standalone"u8) && seen < 3 => value.SequenceEqual("yes"u8) || value.SequenceEqual("no"u8) ? 3 : 0,
                _ => 0,
            };
            if (ok == 0) return false;
            seen = ok;
        }
    }
}
