using System.Globalization;

namespace Bhyt.Etl.Parsing;

/// <summary>
/// Reads the digits of one number written with '.', ',' or spaces as thousands or decimal separators, Vietnamese
/// (<c>1.234.567,5</c>) or invariant (<c>1,234,567.5</c>). Rules: with spaces as groups, the one remaining '.' or ','
/// is decimal; with both '.' and ',', the later one is decimal; several of one kind are groups; a single one is
/// decimal unless followed by exactly three digits after a 1–3 digit lead not starting with 0, which the
/// <see cref="NumberContext"/> decides. Groups after the first must have exactly three digits.
/// </summary>
internal static class DigitGroups
{
    /// <summary>The value of <paramref name="body"/> (digits and separators only), or the reason it is not a number.</summary>
    public static (decimal Value, string? Problem) Read(string body, NumberContext context)
    {
        var spaced = body.Contains(' ');
        var separators = body.Count(c => c is '.' or ',');
        int decimalAt;
        char? group;

        if (spaced)
        {
            if (separators > 1) return (0m, ParseMessages.SpacesAndSeparators);
            decimalAt = body.IndexOfAny(['.', ',']);
            group = ' ';
        }
        else if (body.Contains('.') && body.Contains(','))
        {
            decimalAt = body.LastIndexOfAny(['.', ',']);
            if (body.Count(c => c == body[decimalAt]) > 1) return (0m, ParseMessages.DecimalSeparatorTwice);
            group = body[decimalAt] == '.' ? ',' : '.';
        }
        else if (separators > 1)
        {
            decimalAt = -1;
            group = body.First(c => c is '.' or ',');
        }
        else if (separators == 1)
        {
            var at = body.IndexOfAny(['.', ',']);
            var isGroup = IsAmbiguous(body, at) && ReadsAsGroup(body[at], context);
            decimalAt = isGroup ? -1 : at;
            group = isGroup ? body[at] : null;
        }
        else
        {
            decimalAt = -1;
            group = null;
        }

        var integer = decimalAt < 0 ? body : body[..decimalAt];
        var fraction = decimalAt < 0 ? "" : body[(decimalAt + 1)..];
        return Compose(integer, fraction, group, decimalAt >= 0);
    }

    /// <summary>"1.234" or "1,234": one separator, three digits after it, a lead of 1–3 digits not starting with 0.</summary>
    private static bool IsAmbiguous(string body, int at)
    {
        var lead = body[..at];
        return body.Length - at - 1 == 3 && lead.Length is >= 1 and <= 3 && lead[0] != '0';
    }

    private static bool ReadsAsGroup(char separator, NumberContext context) => context switch
    {
        NumberContext.Count => true,
        NumberContext.Percent => false,
        _ => separator == '.',
    };

    private static (decimal, string?) Compose(string integer, string fraction, char? group, bool hasDecimal)
    {
        if (hasDecimal && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit)))
            return (0m, ParseMessages.MisplacedSeparator);
        if (group is { } g)
        {
            var groups = integer.Split(g);
            if (groups.Any(x => !x.All(char.IsAsciiDigit))) return (0m, ParseMessages.MisplacedSeparator);
            if (groups[0].Length is < 1 or > 3 || groups[0][0] == '0' || groups.Skip(1).Any(x => x.Length != 3))
                return (0m, ParseMessages.BadGroups);
            integer = string.Concat(groups);
        }
        else if (!integer.All(char.IsAsciiDigit))
            return (0m, ParseMessages.MisplacedSeparator);

        if (integer.Length == 0 && fraction.Length == 0) return (0m, ParseMessages.NoDigits);
        var invariant = (integer.Length == 0 ? "0" : integer) + (hasDecimal ? "." + fraction : "");
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (0m, ParseMessages.TooLarge);
    }
}
