using System.Text;

namespace Bhyt.Etl.Sources;

/// <summary>
/// The lines of a text as <see cref="TextReader.ReadLine"/> gives them (CR, LF or CRLF end one), but never longer than a
/// bound: a file of one endless line (a binary or a minified export renamed .txt) would otherwise be held whole in memory
/// and searched for tables and figures at a cost that grows with the square of its length.
/// </summary>
internal static class BoundedLines
{
    /// <summary>The lines of <paramref name="reader"/>; a line longer than <paramref name="maxChars"/> throws <paramref name="tooLong"/> of its 1-based number.</summary>
    public static IEnumerable<string> Of(TextReader reader, int maxChars, Func<int, Exception> tooLong)
    {
        var line = new StringBuilder();
        var number = 1;
        for (int c; (c = reader.Read()) >= 0;)
        {
            if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                yield return line.ToString();
                line.Clear();
                number++;
                continue;
            }
            if (line.Length == maxChars) throw tooLong(number);
            line.Append((char)c);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
