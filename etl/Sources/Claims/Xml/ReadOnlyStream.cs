namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// A stream that is only read, front to back, once: the claims XML readers' wrappers (base64 content, leading blanks, a
/// zip entry's byte count) implement <see cref="Stream.Read(byte[], int, int)"/> and nothing else.
/// </summary>
internal abstract class ReadOnlyStream : Stream
{
    public sealed override bool CanRead => true;
    public sealed override bool CanSeek => false;
    public sealed override bool CanWrite => false;
    public sealed override long Length => throw new NotSupportedException();
    public sealed override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public sealed override void Flush() { }
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public sealed override void SetLength(long value) => throw new NotSupportedException();
    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
