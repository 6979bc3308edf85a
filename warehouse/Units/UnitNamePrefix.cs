namespace Bhyt.Warehouse.Units;

/// <summary>
/// Administrative prefixes ("Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu",
/// and the abbreviations TP, TX, TT) recognised at the start of a name, with the levels they imply.
/// </summary>
internal sealed record UnitNamePrefix(string[] Tokens, string UnitType, string[] Levels)
{
    // Longest first, compared on tone-folded tokens so "Quan Hóa" (a name) is not read as "Quận" + "Hóa";
    // the diacritic-free forms only apply to text that has no diacritics at all (OCR).
    public static readonly UnitNamePrefix[] All =
    [
        new(["thành", "phố"], "Thành phố", ["province", "district"]),
        new(["thị", "trấn"], "Thị trấn", ["commune"]),
        new(["thị", "xã"], "Thị xã", ["district"]),
        new(["đặc", "khu"], "Đặc khu", ["commune"]),
        new(["tỉnh"], "Tỉnh", ["province"]),
        new(["huyện"], "Huyện", ["district"]),
        new(["quận"], "Quận", ["district"]),
        new(["phường"], "Phường", ["commune"]),
        new(["xã"], "Xã", ["commune"]),
        new(["tp"], "Thành phố", ["province", "district"]),
        new(["tx"], "Thị xã", ["district"]),
        new(["tt"], "Thị trấn", ["commune"]),
    ];

    /// <summary>Splits a leading prefix from a normalised name; null when the name has none (or is only a prefix).</summary>
    public static (UnitNamePrefix Prefix, string Remainder)? Split(string normalisedName)
    {
        var tokens = normalisedName.Split(' ');
        var hasDiacritics = VietnameseText.FoldAll(normalisedName) != normalisedName;
        foreach (var prefix in All)
        {
            if (tokens.Length <= prefix.Tokens.Length) continue;
            var matches = prefix.Tokens.Select((t, i) => hasDiacritics
                ? VietnameseText.FoldTones(tokens[i]) == VietnameseText.FoldTones(t)
                : tokens[i] == VietnameseText.FoldAll(t)).All(m => m);
            if (matches) return (prefix, string.Join(' ', tokens.Skip(prefix.Tokens.Length)));
        }
        return null;
    }
}
