namespace Bhyt.Etl.Sources;

/// <summary>The row and column (1-based) of an A1-style cell reference such as "AB12" or "$C$4".</summary>
internal static class CellReference
{
    public static int? Column(string? reference)
    {
        if (reference is null) return null;
        var column = 0;
        foreach (var c in reference.TrimStart('$'))
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
        }
        return column > 0 ? column : null;
    }

    public static int? Row(string? reference)
    {
        var digits = new string((reference ?? "").SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var row) && row > 0 ? row : null;
    }
}
