namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// A decoded inner document without what real files put before its XML declaration — a UTF-8 BOM, CR/LF, spaces —
/// which <see cref="System.Xml.XmlReader"/> refuses ("the XML declaration must be the first node"). The rest passes
/// through untouched; the reader assumes UTF-8, the standards' encoding.
/// </summary>
internal sealed class LeadingBlankSkippingStream(Stream inner) : ReadOnlyStream
{
    private bool _started;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_started || count == 0) return inner.Read(buffer, offset, count);
        while (true)
        {
            var read = inner.Read(buffer, offset, count);
            if (read == 0) return 0;
            var skip = 0;
            while (skip < read && IsBlankAt(buffer, offset + skip, offset + read, out var width)) skip += width;
            if (skip == read) continue;
            _started = true;
            if (skip > 0) Buffer.BlockCopy(buffer, offset + skip, buffer, offset, read - skip);
            return read - skip;
        }
    }

    // A BOM split across two reads would be passed on; the decoder hands over 3+ bytes a read, and XmlReader takes a BOM.
    private static bool IsBlankAt(byte[] b, int i, int end, out int width)
    {
        width = 1;
        if (b[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') return true;
        width = 3;
        return i + 2 < end && b[i] == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF;
    }
}
