using System.Text;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Rewrites <c>@name</c> parameters (the project's engine-agnostic style) into DuckDB's <c>$name</c>,
/// leaving string literals, quoted identifiers and comments untouched.
/// </summary>
internal static class DuckDbParameterSyntax
{
    public static string Translate(string sql)
    {
        var output = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var skipped = c switch
            {
                '\'' or '"' => SkipQuoted(sql, i, c),
                '-' when Peek(sql, i + 1) == '-' => SkipUntil(sql, i, "\n"),
                '/' when Peek(sql, i + 1) == '*' => SkipUntil(sql, i, "*/"),
                _ => i,
            };
            if (skipped > i)
            {
                output.Append(sql, i, skipped - i);
                i = skipped;
                continue;
            }
            output.Append(c == '@' && (char.IsLetter(Peek(sql, i + 1)) || Peek(sql, i + 1) == '_') ? '$' : c);
            i++;
        }
        return output.ToString();
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int SkipQuoted(string s, int start, char quote)
    {
        var i = start + 1;
        while (i < s.Length)
        {
            if (s[i] == quote)
            {
                if (Peek(s, i + 1) != quote) return i + 1;
                i++;
            }
            i++;
        }
        return s.Length;
    }

    private static int SkipUntil(string s, int start, string terminator)
    {
        var end = s.IndexOf(terminator, start + 2, StringComparison.Ordinal);
        return end < 0 ? s.Length : end + terminator.Length;
    }
}
