using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>Names and namespace prefixes of <see cref="Utf8XmlScanner"/>: declared per element scope, checked where used.</summary>
internal sealed partial class Utf8XmlScanner
{
    /// <summary>A namespace declaration: a prefix declared for this element's scope (the default namespace needs no record).</summary>
    private bool NamespaceDeclaration(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> uri)
    {
        // The reserved namespaces may not be bound (and xml only to its own): XmlReader rejects what this refuses.
        if (uri.IndexOf("w3.org/XML/1998/namespace"u8) >= 0 || uri.IndexOf("w3.org/2000/xmlns"u8) >= 0) return false;
        if (prefix.IsEmpty) return true;
        if (uri.IsEmpty || prefix.SequenceEqual("xml"u8) || prefix.SequenceEqual("xmlns"u8)) return false;
        DeclarePrefix(prefix, _depth);
        return true;
    }

    private void DeclarePrefix(ReadOnlySpan<byte> prefix, int depth)
    {
        var start = _prefixes.Count > 0 ? _prefixes[^1].Start + _prefixes[^1].Length : 0;
        var store = _prefixStore.Length >= start + prefix.Length ? _prefixStore : _prefixStore = Grow(_prefixStore, start + prefix.Length);
        prefix.CopyTo(store.AsSpan(start));
        _prefixes.Add((start, prefix.Length, depth));
        _prefixesChanged = true;
    }

    private byte[] _prefixStore = new byte[256];

    private static byte[] Grow(byte[] array, int length)
    {
        Array.Resize(ref array, Math.Max(array.Length * 2, length));
        return array;
    }

    /// <summary>The element's and its attributes' prefixes are declared; no two attributes share a local name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Namespaces(int nameStart, int nameLength)
    {
        var name = _doc.AsSpan(nameStart, nameLength);
        var colon = name.IndexOf((byte)':');
        if (colon >= 0 && !Declared(name[..colon])) return false;
        for (var i = 0; i < _attributes.Count; i++)
        {
            var a = _attributes[i];
            var prefix = _doc.AsSpan(a.Prefix, a.PrefixLength);
            if (a.PrefixLength > 0 && !prefix.SequenceEqual("xmlns"u8) && !Declared(prefix)) return false;
            var local = _doc.AsSpan(a.Local, a.LocalLength);
            for (var j = 0; j < i; j++)
                if (local.SequenceEqual(_doc.AsSpan(_attributes[j].Local, _attributes[j].LocalLength))) return false;
        }
        return true;
    }

    // "xml" is bound without a declaration, but xml:space changes which white space XmlReader reports: refused here.
    private bool Declared(ReadOnlySpan<byte> prefix)
    {
        for (var i = _prefixes.Count - 1; i >= 0; i--)
            if (prefix.SequenceEqual(_prefixStore.AsSpan(_prefixes[i].Start, _prefixes[i].Length))) return true;
        return false;
    }

    /// <summary>Forgets the prefixes declared by the element that ends (at depth <see cref="_depth"/>); those declared around a fragment stay.</summary>
    private void ForgetPrefixes()
    {
        while (_prefixes.Count > 0 && _prefixes[^1].Depth >= _depth && _prefixes[^1].Depth >= 0)
        {
            _prefixes.RemoveAt(_prefixes.Count - 1);
            _prefixesChanged = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetLocal(int nameStart, int nameLength)
    {
        var colon = _doc.AsSpan(nameStart, nameLength).IndexOf((byte)':');
        (LocalStart, LocalLength) = (nameStart + colon + 1, nameLength - colon - 1);
    }

    /// <summary>
    /// The length of the ASCII name at the start of <paramref name="s"/> (0 when there is none): a letter or '_', then
    /// letters, digits, '_', '-', '.'; with <paramref name="allowColon"/> one ':' between two such parts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NameLength(ReadOnlySpan<byte> s, bool allowColon)
    {
        var first = NamePart(s);
        if (first == 0 || first == s.Length || s[first] != ':') return first;
        var second = allowColon ? NamePart(s[(first + 1)..]) : 0;
        return second == 0 || first + 1 + second < s.Length && s[first + 1 + second] == ':' ? 0 : first + 1 + second;
    }

    private static readonly SearchValues<byte> NameCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-."u8);

    /// <summary>A part followed by a non-ASCII byte is refused whole: XmlReader's name characters go beyond ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NamePart(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty || !(char.IsAsciiLetter((char)s[0]) || s[0] == '_')) return 0;
        var rest = s[1..].IndexOfAnyExcept(NameCharacters);
        var length = rest < 0 ? s.Length : rest + 1;
        return length < s.Length && s[length] >= 0x80 ? 0 : length;
    }
}
