using System.Buffers;
using System.Text;

namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// Splits a CSV file (RFC 4180: quoted fields, "" inside quotes, CR, LF or CRLF line ends) into records of UTF-8
/// byte fields, reading in large buffers and making no string per field. The separator (',', ';' or tab) is the
/// one the header line uses most; a UTF-8 byte-order mark is skipped and UTF-16/32 files (by their mark) are
/// transcoded to UTF-8 first. Blank lines are skipped. Fields are untrimmed; a row shorter than the header reads
/// its missing fields as empty.
/// </summary>
/// <remarks>
/// The claims file is the one input that runs to 170 million rows a year; CsvHelper (used for every other CSV)
/// turned each field into a string and this reader exists so the claims ingest keeps up with the engine. It
/// deliberately reads the same records CsvHelper does (tests compare the two).
/// </remarks>
internal sealed class Utf8CsvReader : IDisposable
{
    private const int InitialBufferSize = 1 << 20;
    private static readonly SearchValues<byte> LineEndOrQuote = SearchValues.Create("\r\n\""u8);
    private static readonly byte[] Candidates = [(byte)',', (byte)';', (byte)'\t'];

    private readonly Stream? _stream;
    private byte[] _buffer;
    private int _position, _end;
    private bool _endOfStream;
    private (int Start, int Length, bool Quoted)[] _fields = new (int, int, bool)[32];

    public Utf8CsvReader(string path)
    {
        _stream = OpenAsUtf8(path);
        _buffer = new byte[InitialBufferSize];
        Fill();
        if (_buffer.AsSpan(_position, _end - _position).StartsWith("\uFEFF"u8)) _position += 3;
        Delimiter = DetectDelimiter(_buffer.AsSpan(_position, _end - _position));
    }

    /// <summary>
    /// Reads records already in memory: <paramref name="buffer"/>[<paramref name="start"/>..<paramref name="end"/>] holds whole
    /// records (a chunk cut by <see cref="Utf8CsvChunker"/>). <see cref="Row"/> counts from 0 again; quoted fields are unescaped in place.
    /// </summary>
    public Utf8CsvReader(byte[] buffer, int start, int end, byte delimiter)
    {
        (_buffer, _position, _end, _endOfStream) = (buffer, start, end, true);
        Delimiter = delimiter;
    }

    public byte Delimiter { get; }

    /// <summary>The number of the record last read, counting the header as 1 and blank lines too (as CsvHelper's Row does).</summary>
    public int Row { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>Field <paramref name="index"/> of the current record; empty when the record has fewer fields.</summary>
    public ReadOnlySpan<byte> this[int index] =>
        (uint)index < (uint)FieldCount ? _buffer.AsSpan(_fields[index].Start, _fields[index].Length) : default;

    /// <summary>Reads the next record; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            var length = TryParseRecord(_position);
            if (length < 0)
            {
                if (_endOfStream) return false;
                MakeRoomAndFill();
                continue;
            }
            _position += length;
            Row++;
            if (FieldCount > 0) return true;
        }
    }

    public void Dispose() => _stream?.Dispose();

    /// <summary>Parses the record starting at <paramref name="start"/>: its length with the line end, or -1 when the buffer ends first.</summary>
    private int TryParseRecord(int start)
    {
        var data = _buffer.AsSpan(start, _end - start);
        if (data.IsEmpty) return -1;
        var stop = data.IndexOfAny(LineEndOrQuote);
        if (stop >= 0 && data[stop] == (byte)'"') return TryParseQuotedRecord(start);
        if ((stop < 0 || (data[stop] == (byte)'\r' && stop + 1 == data.Length)) && !_endOfStream) return -1;
        var line = stop < 0 ? data : data[..stop];
        FieldCount = 0;
        if (line.IsEmpty) return LineEndLength(data, stop);
        var offset = 0;
        while (true)
        {
            var next = line[offset..].IndexOf(Delimiter);
            if (next < 0)
            {
                AddField(start + offset, line.Length - offset);
                return stop < 0 ? line.Length : LineEndLength(data, stop);
            }
            AddField(start + offset, next);
            offset += next + 1;
        }
    }

    /// <summary>The slow path for a record with a quote: a character-by-character state machine, then unescaping.</summary>
    private int TryParseQuotedRecord(int start)
    {
        var data = _buffer.AsSpan(start, _end - start);
        FieldCount = 0;
        var i = 0;
        var fieldStart = 0;
        var inQuotes = false;
        while (true)
        {
            if (i == data.Length)
            {
                if (!_endOfStream) return -1;
                if (i > fieldStart || FieldCount > 0) AddQuotedAware(start, fieldStart, i);
                Unescape();
                return i;
            }
            var b = data[i];
            if (inQuotes)
            {
                if (b == (byte)'"')
                {
                    if (i + 1 == data.Length && !_endOfStream) return -1;
                    if (i + 1 < data.Length && data[i + 1] == (byte)'"') i++;
                    else inQuotes = false;
                }
                i++;
                continue;
            }
            if (b == (byte)'"' && i == fieldStart)
            {
                inQuotes = true;
                i++;
                continue;
            }
            if (b == Delimiter)
            {
                AddQuotedAware(start, fieldStart, i);
                fieldStart = ++i;
                continue;
            }
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (b == (byte)'\r' && i + 1 == data.Length && !_endOfStream) return -1;
                if (i > fieldStart || FieldCount > 0) AddQuotedAware(start, fieldStart, i);
                Unescape();
                return LineEndLength(data, i);
            }
            i++;
        }
    }

    private void AddQuotedAware(int start, int fieldStart, int fieldEnd) =>
        AddField(start + fieldStart, fieldEnd - fieldStart, quoted: fieldEnd > fieldStart && _buffer[start + fieldStart] == (byte)'"');

    /// <summary>Turns each quoted field's raw text ("a""b"c) into its value (a"bc) in place: the value is never longer.</summary>
    private void Unescape()
    {
        for (var f = 0; f < FieldCount; f++)
        {
            var (start, length, quoted) = _fields[f];
            if (!quoted) continue;
            var raw = _buffer.AsSpan(start, length);
            var written = 0;
            var inQuotes = true;
            for (var i = 1; i < raw.Length; i++)
            {
                if (inQuotes && raw[i] == (byte)'"')
                {
                    if (i + 1 < raw.Length && raw[i + 1] == (byte)'"') raw[written++] = raw[++i];
                    else inQuotes = false;
                    continue;
                }
                raw[written++] = raw[i];
            }
            _fields[f] = (start, written, false);
        }
    }

    private void AddField(int start, int length, bool quoted = false)
    {
        if (FieldCount == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
        _fields[FieldCount++] = (start, length, quoted);
    }

    private static int LineEndLength(ReadOnlySpan<byte> data, int stop) =>
        data[stop] == (byte)'\r' && stop + 1 < data.Length && data[stop + 1] == (byte)'\n' ? stop + 2 : stop + 1;

    /// <summary>Moves the unread tail to the front (growing the buffer when one record fills it) and reads more.</summary>
    private void MakeRoomAndFill()
    {
        var unread = _end - _position;
        if (_position == 0 && unread == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (unread > 0) _buffer.AsSpan(_position, unread).CopyTo(_buffer);
        (_position, _end) = (0, unread);
        Fill();
    }

    private void Fill()
    {
        while (_end < _buffer.Length)
        {
            var read = _stream!.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                return;
            }
            _end += read;
        }
    }

    /// <summary>The separator the header line uses most (',' when it uses none).</summary>
    internal static byte DetectDelimiter(ReadOnlySpan<byte> data)
    {
        var lineEnd = data.IndexOfAny((byte)'\r', (byte)'\n');
        var header = lineEnd < 0 ? data : data[..lineEnd];
        var best = Candidates[0];
        var bestCount = 0;
        foreach (var candidate in Candidates)
        {
            var count = header.Count(candidate);
            if (count > bestCount) (best, bestCount) = (candidate, count);
        }
        return best;
    }

    /// <summary>The file as UTF-8 bytes: UTF-16 and UTF-32 files (recognised by their byte-order mark) are transcoded.</summary>
    internal static Stream OpenAsUtf8(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        Span<byte> mark = stackalloc byte[4];
        var read = file.ReadAtLeast(mark, 4, throwOnEndOfStream: false);
        file.Position = 0;
        Encoding? encoding = mark[..read] switch
        {
            [0xFF, 0xFE, 0, 0] => Encoding.UTF32,
            [0, 0, 0xFE, 0xFF] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            _ => null,
        };
        return encoding is null ? file : Encoding.CreateTranscodingStream(file, encoding, Encoding.UTF8);
    }
}
