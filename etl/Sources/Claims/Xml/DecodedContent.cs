using System.Buffers;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// One NOIDUNGFILE decoded from base64 into a reused buffer, and what parsing it found — the XML1 fields, the detail
/// lines, the errors — held until the consuming thread applies them in file order. Reused with its buffer; a buffer grown
/// past 64 KB goes back to the shared pool.
/// </summary>
internal sealed class DecodedContent
{
    private const int FirstBuffer = 16 * 1024;

    // A buffer up to this size stays with the content when it is reused; a larger one goes back to the shared pool.
    private const int KeptBuffer = 64 * 1024;

    public DecodedContent() => DetailReader = new ClaimDetailReader(Issues, Details.Add);

    public byte[] Buffer { get; private set; } = [];
    public int Length { get; private set; }

    /// <summary>The XML1 fields, when the document's root was a TONG_HOP read to its end tag.</summary>
    public Xml1Fields Fields { get; } = new();
    public bool HasClaim { get; set; }

    /// <summary>Detail lines in file order; a line without MA_LK has an empty <see cref="ClaimDetail.ClaimId"/> until applied.</summary>
    public List<ClaimDetail> Details { get; } = [];
    public ClaimDetailReader DetailReader { get; }
    public ClaimXmlIssues Issues { get; } = ClaimXmlIssues.Deferred();

    /// <summary>
    /// Decodes the base64 text under the reader, in large chunks, up to <paramref name="limit"/> bytes. False when the
    /// content is longer: the buffer then holds its first bytes and <paramref name="content"/> the rest, to be streamed.
    /// </summary>
    /// <exception cref="InvalidBase64Exception">The text is not base64 (the bytes before the fault are kept).</exception>
    public bool TryDecode(Base64ContentStream content, int limit)
    {
        if (Buffer.Length == 0) Buffer = new byte[FirstBuffer];
        while (true)
        {
            if (Length == Buffer.Length)
            {
                if (Length >= limit) return false;
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, 2 * Buffer.Length));
                Buffer.AsSpan(0, Length).CopyTo(larger);
                if (Buffer.Length > KeptBuffer) ArrayPool<byte>.Shared.Return(Buffer);
                Buffer = larger;
            }
            var read = content.Read(Buffer, Length, Buffer.Length - Length);
            if (read == 0) return true;
            Length += read;
        }
    }

    /// <summary>
    /// The content is the inline elements of a NOIDUNGFILE cut out of the envelope (not a document of its own), read only by
    /// the span scanner in the scope of <see cref="Prefixes"/>; <see cref="Declined"/> when the scanner could not read it as
    /// the envelope's XmlReader would, and the envelope must then be read again by XmlReader from this HOSO.
    /// </summary>
    public bool Fragment { get; set; }
    public IReadOnlyList<string>? Prefixes { get; set; }
    public bool Declined { get; set; }

    /// <summary>Room for <paramref name="length"/> bytes, from the start of the buffer (what it held is dropped).</summary>
    public Span<byte> Reserve(int length)
    {
        if (Buffer.Length < length)
        {
            if (Buffer.Length > KeptBuffer) ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = length <= KeptBuffer ? new byte[Math.Max(FirstBuffer, length)] : ArrayPool<byte>.Shared.Rent(length);
        }
        return Buffer.AsSpan(0, length);
    }

    /// <summary>The bytes held are the first <paramref name="length"/> of <see cref="Reserve"/>'s.</summary>
    public void Hold(int length) => Length = length;

    /// <summary>Holds <paramref name="bytes"/> as if they had been decoded (for tests of the parsers).</summary>
    internal void Fill(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Hold(bytes.Length);
    }

    /// <summary>Forgets what a parse found (claim, lines, errors), keeping the decoded bytes, to parse them again.</summary>
    public void ForgetParse()
    {
        HasClaim = false;
        Details.Clear();
        Issues.ForgetDeferred();
    }

    public void Clear()
    {
        if (Buffer.Length > KeptBuffer)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = [];
        }
        Length = 0;
        HasClaim = false;
        Details.Clear();
        (Fragment, Prefixes, Declined) = (false, null, false);
    }
}
