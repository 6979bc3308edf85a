namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// The bytes of a NOIDUNGFILE already decoded into a buffer, then the rest of it: what is left of the base64 text (a
/// content too large to buffer, streamed on), or the base64 fault that stopped the decoding, thrown where the
/// streaming reader would have met it.
/// </summary>
internal sealed class DecodedPrefixStream(byte[] prefix, int length, Stream rest) : ReadOnlyStream
{
    private int _at;

    public static DecodedPrefixStream ThenFault(byte[] prefix, int length, InvalidBase64Exception fault) => new(prefix, length, new Fault(fault));

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_at == length) return rest.Read(buffer, offset, count);
        var n = Math.Min(count, length - _at);
        Buffer.BlockCopy(prefix, _at, buffer, offset, n);
        _at += n;
        return n;
    }

    private sealed class Fault(InvalidBase64Exception fault) : ReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw fault;
    }
}
