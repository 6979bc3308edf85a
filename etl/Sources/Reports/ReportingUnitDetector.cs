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

    [GeneratedRegex(@"trên địa bàn\s+(?<name>(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+[\p{L}\s\-]+?)(?=\s*(đến năm|giai đoạn|năm \d|[,.;:“”""()]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex OnTerritory();

    [GeneratedRegex(@"tên (tỉnh|huyện|xã|tỉnh/huyện|đơn vị)\s*:\s*(?<name>[\p{L}\s\-\.]+?)(?=\s*([,.;:]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex NamedField();
}
