namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Counts <c>&lt;HOSO</c> and <c>&lt;TONG_HOP</c> in a byte stream: every claim has one of them in plain text (a HOSO of
/// an envelope, base64 or inline, or a bare TONG_HOP), so the count bounds the claims before they are read.
/// </summary>
internal static class TagCounter
{
    private const int Keep = 8; // longest tag minus one: a tag cut by a chunk boundary is counted in the next chunk

    public static long Count(Stream stream)
    {
        var buffer = new byte[(1 << 20) + Keep];
        var carry = 0;
        long count = 0;
        while (true)
        {
            var read = stream.Read(buffer, carry, buffer.Length - carry);
            var total = carry + read;
            var limit = read == 0 ? total : total - Keep;
            var span = buffer.AsSpan(0, total);
            count += Occurrences(span, "<HOSO"u8, limit) + Occurrences(span, "<TONG_HOP"u8, limit);
            if (read == 0) return count;
            buffer.AsSpan(limit, Keep).CopyTo(buffer);
            carry = Keep;
        }
    }

    private static int Occurrences(ReadOnlySpan<byte> text, ReadOnlySpan<byte> tag, int startsBefore)
    {
        var n = 0;
        for (var at = 0; at < startsBefore;)
        {
            var found = text[at..].IndexOf(tag);
            if (found < 0 || at + found >= startsBefore) break;
            n++;
            at += found + 1;
        }
        return n;
    }
}
