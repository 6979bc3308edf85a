using System.Globalization;
using System.Text.RegularExpressions;

namespace Bhyt.Tests.Etl.Import.Progress;

/// <summary>The figures of one "đang đọc" progress line, read back as a user reads them (vi-VN numbers).</summary>
internal sealed partial record ProgressLineParts(int Percent, long Rows, double MegabytesRead, double MegabytesTotal, double MegabytesPerSecond,
    string? TimeLeft)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static ProgressLineParts? Reading(string file, string line)
    {
        var match = ReadingLine().Match(line);
        if (!match.Success || match.Groups["file"].Value != file) return null;
        return new ProgressLineParts(int.Parse(match.Groups["percent"].Value, Vi),
            match.Groups["rows"].Success ? long.Parse(match.Groups["rows"].Value, NumberStyles.AllowThousands, Vi) : 0,
            double.Parse(match.Groups["read"].Value, Vi), double.Parse(match.Groups["total"].Value, Vi), double.Parse(match.Groups["speed"].Value, Vi),
            match.Groups["left"].Success ? match.Groups["left"].Value : null);
    }

    [GeneratedRegex(@"^(?<file>[^:]+): đang đọc (?<percent>\d+) %( · (?<rows>[\d.]+) hồ sơ)? · (?<read>[\d.,]+)/(?<total>[\d.,]+) MB · (?<speed>[\d.,]+) MB/giây( · còn khoảng (?<left>\d+ (giây|phút \d\d giây|giờ \d\d phút)))?$")]
    private static partial Regex ReadingLine();
}
