using System.Globalization;

namespace Bhyt.Etl.Verification;

/// <summary>
/// One integrity fault of the warehouse: its rule code (<c>verify.*</c>), the table it was found in, how many rows (or
/// groups) break the rule and the keys of the first few, with a Vietnamese message naming them.
/// </summary>
public sealed record VerificationFinding(string Code, string Table, long Count, IReadOnlyList<string> Examples, string Message)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A finding whose message is "<paramref name="what"/>" followed by the count and the first keys.</summary>
    public static VerificationFinding Of(string code, string table, long count, IReadOnlyList<string> examples, string what)
    {
        var more = count > examples.Count ? $" (và {(count - examples.Count).ToString("N0", Vi)} khác)" : "";
        return new(code, table, count, examples,
            $"{table}: {count.ToString("N0", Vi)} {what}; ví dụ: {string.Join("; ", examples)}{more}. [{code}]");
    }
}
