namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// Cuts a CSV file into chunks of whole records (about <c>chunkSize</c> bytes each) so that several threads can parse
/// it, each chunk with its own in-memory <see cref="Utf8CsvReader"/>. The file is opened as <see cref="Utf8CsvReader"/>
/// opens it (UTF-8 byte-order mark skipped, UTF-16/32 transcoded, separator from the header line), and a chunk ends
/// where that reader would end a record: at a line end outside quotes, never between the CR and LF of a CRLF.
/// </summary>
internal sealed class Utf8CsvChunker : IDisposable
{
    private readonly Stream _stream;
    /// <summary>
    /// A claim's row is a few hundred bytes: a record longer than this is a quote never closed or not a claims export, and
    /// reading on would hold the rest of the file in memory.
    /// </summary>
    public const int MaxRecordBytes = 1 << 20;

    private readonly int _chunkSize;
    private byte[] _carry;
    private int _carryLength;
    private bool _endOfStream;

    public Utf8CsvChunker(string path, int chunkSize)
    {
        _stream = Utf8CsvReader.OpenAsUtf8(path);
        _chunkSize = chunkSize;
        _carry = new byte[chunkSize];
        _carryLength = Fill(_carry, 0);
        // The separator is the header line's: read on until the whole line is in.
        while (!_endOfStream && !_carry.AsSpan(0, _carryLength).ContainsAny((byte)'\r', (byte)'\n'))
        {
            Array.Resize(ref _carry, _carry.Length * 2);
            _carryLength = Fill(_carry, _carryLength);
        }
        var start = _carry.AsSpan(0, _carryLength).StartsWith("\uFEFF"u8) ? 3 : 0;
        if (start > 0) _carry.AsSpan(start, _carryLength - start).CopyTo(_carry);
        _carryLength -= start;
        Delimiter = Utf8CsvReader.DetectDelimiter(_carry.AsSpan(0, _carryLength));
    }

    public byte Delimiter { get; }

    /// <summary>
    /// Fills <paramref name="chunk"/> (grown when one record is longer) with the next whole records; the length used, 0 at
    /// the end of the file. The last chunk holds the rest of the file, line end or not.
    /// </summary>
    /// <exception cref="CsvRecordTooLongException">A record runs past <see cref="MaxRecordBytes"/>.</exception>
    public int Next(ref byte[] chunk)
    {
        if (chunk.Length < Math.Max(_chunkSize, _carryLength)) chunk = new byte[Math.Max(_chunkSize, _carryLength)];
        _carry.AsSpan(0, _carryLength).CopyTo(chunk);
        var length = _carryLength;
        _carryLength = 0;
        while (true)
        {
            if (!_endOfStream) length = Fill(chunk, length);
            if (_endOfStream) return length;
            var end = LastRecordEnd(chunk.AsSpan(0, length), Delimiter);
            if (end > 0)
            {
                Keep(chunk.AsSpan(end, length - end));
                return end;
            }
            if (length >= MaxRecordBytes) throw new CsvRecordTooLongException(MaxRecordBytes);
            Array.Resize(ref chunk, chunk.Length * 2);
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// Where the last record that surely ends in <paramref name="data"/> (which starts at a record's start) ends; -1 if none.
    /// Without a quote every line end ends a record; with one, the rules of <see cref="Utf8CsvReader"/> are followed byte by
    /// byte (a quote opens a quoted field only as a field's first byte, "" inside quotes is a quote). A CR as the last
    /// byte is not an end yet: an LF may follow.
    /// </summary>
    internal static int LastRecordEnd(ReadOnlySpan<byte> data, byte delimiter)
    {
        if (!data.Contains((byte)'"'))
        {
            var lineFeed = data.LastIndexOf((byte)'\n');
            if (lineFeed >= 0) return lineFeed + 1;
            var carriageReturn = data.LastIndexOf((byte)'\r');
            return carriageReturn >= 0 && carriageReturn < data.Length - 1 ? carriageReturn + 1 : -1;
        }
        var last = -1;
        var fieldStart = 0;
        var inQuotes = false;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (inQuotes)
            {
                if (b != (byte)'"') continue;
                if (i + 1 < data.Length && data[i + 1] == (byte)'"') i++;
                else inQuotes = false;
            }
            else if (b == (byte)'"' && i == fieldStart) inQuotes = true;
            else if (b == delimiter) fieldStart = i + 1;
            else if (b is (byte)'\r' or (byte)'\n')
            {
                if (b == (byte)'\r' && i + 1 == data.Length) break;
                if (b == (byte)'\r' && data[i + 1] == (byte)'\n') i++;
                last = fieldStart = i + 1;
            }
        }
        return last;
    }

    private void Keep(ReadOnlySpan<byte> rest)
    {
        if (_carry.Length < rest.Length) _carry = new byte[rest.Length];
        rest.CopyTo(_carry);
        _carryLength = rest.Length;
    }

    private int Fill(byte[] buffer, int length)
    {
        while (length < buffer.Length)
        {
            var read = _stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }
            length += read;
        }
        return length;
    }
}
