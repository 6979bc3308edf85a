using System.Text.RegularExpressions;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// Finds the unit a report is about from its title or header: "… trên địa bàn thành phố Đà Lạt", "Tên tỉnh/huyện: …",
/// "TP. Tuyên Quang, ngày …".
/// </summary>
public static partial class ReportingUnitDetector
{
    private const int ParagraphsToRead = 60;

    public static UnitRecord? Detect(Sources.RawDocument document, UnitNameResolver names, DateOnly asOf)
    {
        // Paragraphs end where a name ends: "… thành phố Tuyên Quang" then "Biểu 01" is not one name.
        var text = string.Join(". ", document.Paragraphs.Take(ParagraphsToRead).Select(p => ReportText.StripMarkup(p.Text)));
        foreach (var pattern in new[] { OnTerritory(), NamedField() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                var (unit, _) = names.ResolveOne(match.Groups["name"].Value.Trim(), new UnitScope(AsOf: asOf));
                if (unit is not null) return unit.Unit;
            }
        }
        return null;
    }

    /// <summary>
    /// The unit below <paramref name="reporting"/> that a table's title names as "Tên đơn vị: Phường 1" (a district's
    /// annex repeating a form for each commune), or null when the title names none, or names the reporting unit itself.
    /// </summary>
    public static UnitRecord? InTitle(string? title, UnitRecord? reporting, UnitNameResolver names, DateOnly asOf)
    {
        if (title is null || reporting is null || reporting.Level == "commune") return null;
        if (TitleUnit().Match(ReportText.StripMarkup(title)) is not { Success: true } match) return null;
        var (unit, _) = names.ResolveOne(match.Groups["name"].Value.Trim(), new UnitScope(reporting.UnitCode, null, asOf));
        return unit is not null && unit.Unit.UnitKey != reporting.UnitKey ? unit.Unit : null;
    }

    // Names of communes may hold digits ("Phường 1"): everything after the field, to the end of the title.
    [GeneratedRegex(@"tên đơn vị\s*:\s*(?<name>[^.;:]+?)\s*\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleUnit();

    [GeneratedRegex(@"trên địa bàn\s+(?<name>(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+[\p{L}\s\-]+?)(?=\s*(đến năm|giai đoạn|năm \d|[,.;:“”""()]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex OnTerritory();

    [GeneratedRegex(@"tên (tỉnh|huyện|xã|tỉnh/huyện|đơn vị)\s*:\s*(?<name>[\p{L}\s\-\.]+?)(?=\s*([,.;:]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex NamedField();
}
