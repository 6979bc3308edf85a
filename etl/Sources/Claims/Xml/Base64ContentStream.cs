using System.Xml;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// The bytes of a base64 text node (one line or wrapped: white space is skipped) decoded as they are read, chunk by
/// chunk through <see cref="XmlReader.ReadContentAsBase64"/>: the encoded text is never held whole. Text that is not
/// base64 surfaces as <see cref="InvalidBase64Exception"/>, told apart from a malformed inner document.
/// </summary>
internal sealed class Base64ContentStream(XmlReader reader) : ReadOnlyStream
{
    private bool _done;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_done || count == 0) return 0;
        try
        {
            var read = reader.ReadContentAsBase64(buffer, offset, count);
            _done = read == 0;
            return read;
        }
        catch (Exception e) when (e is FormatException or XmlException)
        {
            throw new InvalidBase64Exception(e.Message);
        }
    }

    /// <summary>Decodes what is left, so the outer reader stands after the content (and bad base64 there is found).</summary>
    public void Drain()
    {
        var sink = new byte[4096];
        while (Read(sink, 0, sink.Length) > 0) { }
    }
}

/// <summary>
/// NOIDUNGFILE's text is not valid base64. .NET's message quotes the whole text it could not decode (a claim's content,
/// kilobytes): the quote is cut to its first characters, so the error recorded for the file stays readable.
/// </summary>
internal sealed partial class InvalidBase64Exception(string message) : Exception(Concise(message))
{
    private const int Kept = 40;

    private static string Concise(string message) => LongQuote().Replace(message, m => $"'{m.Groups[1].Value[..Kept]}…'");

    [System.Text.RegularExpressions.GeneratedRegex("'([^']{81,})'")]
    private static partial System.Text.RegularExpressions.Regex LongQuote();
}
