namespace Bhyt.Etl.Import.Progress;

/// <summary>
/// Passes reads (and seeks, for a .zip's central directory) through to the file, adding the bytes read to a
/// <see cref="LoadMeter"/>: the readers' own buffers are unchanged, one add per buffer filled.
/// </summary>
internal sealed class CountingStream(Stream inner, LoadMeter meter) : Stream
{
    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int ReadByte()
    {
        var value = inner.ReadByte();
        if (value >= 0) meter.AddBytes(1);
        return value;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Counted(int read)
    {
        if (read > 0) meter.AddBytes(read);
        return read;
    }
}

/// <summary>Opening a file's stream through a <see cref="LoadMeter"/> when there is one.</summary>
public static class CountedStreams
{
    /// <summary>The stream, its reads counted by <paramref name="meter"/>; the stream itself when there is no meter.</summary>
    public static Stream CountedBy(this Stream stream, LoadMeter? meter) => meter is null ? stream : new CountingStream(stream, meter);
}
