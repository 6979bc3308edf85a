using System.Text.RegularExpressions;

namespace Bhyt.Etl.Parsing;

/// <summary>
/// The letters OCR puts for digits inside numbers: O/o for 0, l/I/| for 1. Only tokens that already hold a digit and
/// nothing but digits, separators and these letters are touched ("1 234 5O7" → "1 234 507", "2O21" → "2021"); words stay.
/// </summary>
public static partial class OcrDigits
{
    public static string InNumbers(string text) => Token().Replace(text, m =>
        m.Value.Any(char.IsAsciiDigit) ? new string(m.Value.Select(c => c switch { 'O' or 'o' => '0', 'l' or 'I' or '|' => '1', _ => c }).ToArray()) : m.Value);

    [GeneratedRegex(@"(?<![\p{L}])[0-9OoIl|][0-9OoIl|.,]*(?![\p{L}])")] private static partial Regex Token();
}
