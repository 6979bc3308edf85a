using System.Globalization;
using System.Text.RegularExpressions;
using Bhyt.Warehouse.Periods;

namespace Bhyt.Etl.Parsing;

/// <summary>
/// Reads the period a report-table column header or period phrase names, with or without diacritics and markup:
/// years ("2021", "Năm 2021"), ranges ("2009-2014", "2009 – 2014", "Giai đoạn 2015-2019", "GĐ 2015 - 2019",
/// "Từ năm 2015 đến năm 2019"), months ("Tháng 7/2021", "tháng 07 năm 2021", "7/2021"), quarters ("Quý III/2021",
/// "Quý 3 năm 2021"), dates ("31/12/2018", "24/7/2021", "ngày 24 tháng 7 năm 2021") and every canonical form of
/// <see cref="Period.TryParse"/>.
/// </summary>
/// <remarks>
/// <para>"Đến (hết) …", "Tính đến …" and "Đến cuối …" make an as-of date: "Đến hết năm 2019" and "Đến 31/12/2019"
/// are both the date 31/12/2019, "Đến hết tháng 6/2021" is 30/06/2021.</para>
/// <para>A leading plan/result word (kế hoạch, chỉ tiêu, mục tiêu, phấn đấu, thực hiện, kết quả, ước thực hiện, KH,
/// TH) is allowed and left for the caller to read as target or actual; a trailing parenthesis such as "(người)" is
/// ignored.</para>
/// <para>Half years and other partial-year spans ("6 tháng đầu năm 2021", "9 tháng năm 2021") are refused: a
/// <see cref="Period"/> has no such kind, and reading them as the year would misstate the figure. So are headers
/// that name an indicator ("Dân số", "Tỷ lệ (%)") or a school year ("Năm học 2018-2019").</para>
/// </remarks>
public static partial class PeriodHeader
{
    private const int FirstYear = 1900;
    private const int LastYear = 2100;

    /// <summary>The period <paramref name="header"/> names; false (and a default period) when it names none.</summary>
    public static bool TryParse(string? header, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(header)) return false;
        var text = CellText.PlainDashes(CellText.Fold(CellText.StripMarkup(header))).TrimEnd(':', '.', ' ');
        return TryText(text, out period) || TryText(TrailingParenthesis().Replace(text, ""), out period);
    }

    private static bool TryText(string text, out Period period)
    {
        period = default;
        // Other scripts' digits ("٢٠٢١") are no period here, and Period.TryParse's \d would let them reach int.Parse.
        if (text.Length == 0 || text.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c))) return false;
        if (Period.TryParse(text, out period)) return true;

        var rest = Qualifier().Replace(text, "");
        var asOf = AsOf().Match(rest);
        if (asOf.Success) rest = rest[asOf.Length..];
        if (!TryCore(rest, out period)) return false;
        if (asOf.Success) period = Period.Date(period.End);
        return true;
    }

    private static bool TryCore(string text, out Period period)
    {
        period = default;
        Match m;
        try
        {
            if ((m = YearPhrase().Match(text)).Success) period = Period.Year(Int(m, "y"));
            else if ((m = RangePhrase().Match(text)).Success) period = Period.Range(Int(m, "y1"), Int(m, "y2"));
            else if ((m = QuarterPhrase().Match(text)).Success) period = Period.Quarter(Int(m, "y"), Quarter(m.Groups["q"].Value));
            else if ((m = MonthPhrase().Match(text)).Success) period = Period.Month(Int(m, "y"), Int(m, "m"));
            else if ((m = DatePhrase().Match(text)).Success || (m = DateInWords().Match(text)).Success)
                period = Period.Date(new DateOnly(Int(m, "y"), Int(m, "m"), Int(m, "d")));
            else return false;
        }
        catch (ArgumentException)
        {
            return false; // month 13, 31/02, a range whose last year is not after its first
        }
        return period.Start.Year >= FirstYear && period.End.Year <= LastYear;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Quarter(string q) => q switch
    {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        _ => int.Parse(q, CultureInfo.InvariantCulture),
    };

    // All patterns run on folded text: lower case, no diacritics, đ → d, dashes as '-', single spaces.
    [GeneratedRegex(@"^(?:(?:ke hoach|chi tieu|muc tieu|giao chi tieu|phan dau|uoc thuc hien|uoc th|thuc hien|ket qua thuc hien|ket qua|thuc te|kh|th)\b[ :]*)")]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"^(?:tinh den|den|tai thoi diem|thoi diem)(?: het| cuoi)?(?: ngay)? ?")]
    private static partial Regex AsOf();

    [GeneratedRegex(@" ?\([^()]*\)$")]
    private static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"^(?:nam ?)?(?<y>[0-9]{4})$")]
    private static partial Regex YearPhrase();

    [GeneratedRegex(@"^(?:(?:giai doan|gd\.?|thoi ky|tu|nam) ?)*(?<y1>[0-9]{4}) ?(?:-|den|toi) ?(?:nam )?(?<y2>[0-9]{4})$")]
    private static partial Regex RangePhrase();

    [GeneratedRegex(@"^(?:quy|q) ?(?<q>iv|i{1,3}|[1-4]) ?(?:/|-| nam |\s)(?:nam )? ?(?<y>[0-9]{4})$")]
    private static partial Regex QuarterPhrase();

    [GeneratedRegex(@"^(?:(?:thang|t) ?(?<m>[0-9]{1,2}) ?(?:/|-|nam|\s) ?|(?<m>[0-9]{1,2}) ?/ ?)(?:nam )?(?<y>[0-9]{4})$")]
    private static partial Regex MonthPhrase();

    [GeneratedRegex(@"^(?:ngay )?(?<d>[0-9]{1,2}) ?(?<s>[/.-]) ?(?<m>[0-9]{1,2}) ?\k<s> ?(?<y>[0-9]{4})$")]
    private static partial Regex DatePhrase();

    [GeneratedRegex(@"^(?:ngay )?(?<d>[0-9]{1,2}) thang (?<m>[0-9]{1,2}) nam (?<y>[0-9]{4})$")]
    private static partial Regex DateInWords();
}
