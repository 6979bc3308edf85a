using System.Text.RegularExpressions;

namespace Bhyt.Etl.Parsing;

/// <summary>
/// What OCR does to numbers, undone where a cell does not read otherwise: letters for digits inside numbers (O/o for 0,
/// l/I/| for 1), a colon for a thousands dot ("1:431.310"), and the remains of a table's ruling glued to the figure
/// ("95,9)", "|1.234", "88,75%]" — an unbalanced bracket or bar; "(5)", a column number, stays what it is). Only tokens that already hold a digit and nothing but
/// digits, separators and these letters are touched ("1 234 5O7" → "1 234 507", "2O21" → "2021"); words stay.
/// </summary>
public static partial class OcrDigits
{
    public static string InNumbers(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains('(') != trimmed.Contains(')') || trimmed.Contains('[') != trimmed.Contains(']') || trimmed.StartsWith('|') || trimmed.EndsWith('|'))
            trimmed = RulingRemains().Replace(trimmed, "");
        return Token().Replace(trimmed, m => m.Value.Any(char.IsAsciiDigit)
            ? new string(m.Value.Select(c => c switch
            {
                'O' or 'o' => '0', 'l' or 'I' or '|' => '1', ':' => '.', _ => c,
            }).ToArray())
            : m.Value);
    }

    // Brackets and bars at either end of a cell that holds a digit: a vertical rule read as a character.
    [GeneratedRegex(@"^[\(\)\[\]\{\}|!]+(?=.*\d)|(?<=\d[%]?)[\(\)\[\]\{\}|!]+$")] private static partial Regex RulingRemains();

    [GeneratedRegex(@"(?<![\p{L}])[0-9OoIl|][0-9OoIl|.,:]*(?![\p{L}])")] private static partial Regex Token();
}
