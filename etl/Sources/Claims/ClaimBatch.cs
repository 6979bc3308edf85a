using System.Text;
using System.Text.Unicode;

namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// A few thousand claims read from the file, with their text in one UTF-8 buffer. Batches are reused: the reader
/// fills one while the loader appends another.
/// </summary>
internal sealed class ClaimBatch
{
    public const int Capacity = 4096;

    private byte[] _text = new byte[Capacity * 128];
    private int _textLength;

    public ClaimRecord[] Rows { get; } = new ClaimRecord[Capacity];

    public int Count { get; set; }

    public bool IsFull => Count == Capacity;

    public ReadOnlySpan<byte> Text(TextRange range) => range.IsNull ? default : _text.AsSpan(range.Start, range.Length);

    /// <summary>Copies a value in; bytes that are not valid UTF-8 become U+FFFD, as a text reader would make them.</summary>
    public TextRange Add(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8)) return Add(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(utf8)));
        utf8.CopyTo(Reserve(utf8.Length, out var range));
        return range;
    }

    /// <summary>Room for <paramref name="length"/> bytes at the end of the text; the caller fills all of it.</summary>
    public Span<byte> Reserve(int length, out TextRange range)
    {
        if (_textLength + length > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + length));
        range = new TextRange(_textLength, length);
        _textLength += length;
        return _text.AsSpan(range.Start, length);
    }

    /// <summary>Bytes of text held; with <see cref="Count"/>, a mark <see cref="Truncate"/> can return to.</summary>
    public int TextLength => _textLength;

    /// <summary>Drops the rows and text added after a mark taken as (<see cref="Count"/>, <see cref="TextLength"/>).</summary>
    public void Truncate(int count, int textLength)
    {
        Count = count;
        _textLength = textLength;
    }

    public void Clear()
    {
        Count = 0;
        _textLength = 0;
    }
}
