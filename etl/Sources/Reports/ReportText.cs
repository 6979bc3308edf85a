using System.Text.RegularExpressions;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>Cleaning of cell and label texts from converted documents: markup, numbering, bullets, unit suffixes.</summary>
public static partial class ReportText
{
    /// <summary>Removes conversion markup (<c>&lt;b&gt;</c>, <c>&lt;sup&gt;1&lt;/sup&gt;</c>, <c>\*</c>, <c>**</c>) and trims.</summary>
    public static string StripMarkup(string text) => Parsing.CellText.StripMarkup(text);

    /// <summary>True for numbering cells: STT, 1, 2.1, I, II, a), -, +.</summary>
    public static bool IsNumbering(string cell) => cell.Length == 0 || Numbering().IsMatch(StripMarkup(cell));

    /// <summary>
    /// A row label reduced for matching against the catalog: markup, leading numbering and bullets, trailing
    /// colons and unit parentheses ("(%)", "(người)") removed, then folded without diacritics.
    /// </summary>
    public static string LabelKey(string label)
    {
        var text = StripMarkup(label);
        text = LeadingNumbering().Replace(text, "");
        text = UnitSuffix().Replace(text, "");
        // OCR splits acronyms ("BH YT", "B H Y T") and leaves stray one-letter marks where tone marks were.
        var key = SplitAcronym().Replace(VietnameseText.FoldAll(text.TrimEnd(':', ' ', '.')), m => m.Value.Replace(" ", ""));
        return StrayMark().Replace(key, " ").Trim();
    }

    /// <summary>The unit a label states in parentheses, e.g. "triệu đồng" in "Tổng số thu BHYT (triệu đồng)".</summary>
    public static string? LabelUnit(string label)
    {
        var match = UnitSuffix().Match(StripMarkup(label));
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"\bb ?h ?(y ?t|x ?h)\b")] private static partial Regex SplitAcronym();
    [GeneratedRegex(@"(?<=^| )[`'~^?](?= |$)")] private static partial Regex StrayMark();
    [GeneratedRegex(@"^(stt|tt|\d+(\.\d+)*\.?|[ivxlc]+\.?|[a-zđ]\)|[-+–•])$", RegexOptions.IgnoreCase)] private static partial Regex Numbering();
    [GeneratedRegex(@"^((\d+(\.\d+)*\.?|[IVXLC]+\.|[a-zđ]\))\s+|[-+–•]\s*)+")] private static partial Regex LeadingNumbering();
    [GeneratedRegex(@"\s*\(([^()]*)\)\s*:?\s*$")] private static partial Regex UnitSuffix();
}
