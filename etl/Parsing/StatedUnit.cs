namespace Bhyt.Etl.Parsing;

/// <summary>
/// The unit words written after a number: the catalog unit they mean (percent, million VND, or none), the factor
/// that converts the number into it, and whether they name a count (người, lượt, hộ, cơ sở, thẻ).
/// </summary>
internal sealed record StatedUnit(string? Code, decimal Factor, bool IsCount)
{
    public static readonly StatedUnit None = new(null, 1m, false);

    private static readonly StatedUnit Percent = new(CatalogUnits.Percent, 1m, false);
    private static readonly StatedUnit Count = new(null, 1m, true);

    // Keys are folded (lower case, no diacritics, đ → d, single spaces). Money factors convert to million VND.
    private static readonly Dictionary<string, StatedUnit> Words = new()
    {
        ["%"] = Percent,
        ["trieu dong"] = Money(1m), ["trieu"] = Money(1m), ["tr.d"] = Money(1m), ["trd"] = Money(1m),
        ["tr d"] = Money(1m), ["trieu vnd"] = Money(1m),
        ["ty dong"] = Money(1_000m), ["ty"] = Money(1_000m), ["ti dong"] = Money(1_000m), ["ti"] = Money(1_000m),
        ["ty vnd"] = Money(1_000m),
        ["nghin ty dong"] = Money(1_000_000m), ["nghin ty"] = Money(1_000_000m),
        ["ngan ty dong"] = Money(1_000_000m), ["ngan ty"] = Money(1_000_000m),
        ["nghin dong"] = Money(0.001m), ["ngan dong"] = Money(0.001m),
        ["dong"] = Money(0.000001m), ["d"] = Money(0.000001m), ["vnd"] = Money(0.000001m),
        ["nguoi"] = Count, ["luot"] = Count, ["luot nguoi"] = Count, ["ho"] = Count, ["ho gia dinh"] = Count,
        ["co so"] = Count, ["the"] = Count,
    };

    public bool IsMoney => Code == CatalogUnits.MillionVnd;

    /// <summary>The unit the words after a number state; <see cref="None"/> for no words, null when not recognised.</summary>
    public static StatedUnit? Read(string words)
    {
        var key = CellText.Fold(words.Trim());
        if (key.Length > 2 && key[0] == '(' && key[^1] == ')') key = key[1..^1].Trim();
        if (key.Length == 0) return None;
        return Words.GetValueOrDefault(key);
    }

    private static StatedUnit Money(decimal factor) => new(CatalogUnits.MillionVnd, factor, false);
}
