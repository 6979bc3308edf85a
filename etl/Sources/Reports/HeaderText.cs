using System.Text.RegularExpressions;
using Bhyt.Etl.Parsing;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// Reads the period, kind and subject out of header texts that say several things at once: "Thực hiện năm 2020",
/// "Tỷ lệ bao phủ năm 2021 (%)", "Dân số (đến 31/12/2020)", a stack "Năm 2021 / Kế hoạch" or "Năm / 2019".
/// </summary>
internal static partial class HeaderText
{
    private static readonly string[] ComparisonWords = ["so voi", "so sanh", "tang giam", "tang/giam", "th/kh", "% kh", "%kh", "ty le dat", "dat %", "chenh lech", "ghi chu"];

    /// <summary>The period a stack of header texts names, the lowest (most specific) first; joins "Năm" and "2019" split over two rows.</summary>
    public static (Period? Period, int Part) PeriodOf(IReadOnlyList<string> stack)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            if (PeriodHeader.TryParse(stack[i], out var period)) return (period, i);
            if (i > 0 && PeriodHeader.TryParse(stack[i - 1] + " " + stack[i], out period)) return (period, i);
        }
        for (var i = stack.Count - 1; i >= 0; i--)
            if (Find(stack[i]) is { } found) return (found.Period, i);
        return (null, -1);
    }

    /// <summary>The kind a stack states, the lowest text first: "Năm 2021 / Kế hoạch" is a target.</summary>
    public static string? KindOf(IReadOnlyList<string> stack)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
            if (TableLayoutReader.KindOf(stack[i]) is { } kind) return kind;
        return null;
    }

    /// <summary>True for columns that compare rather than report: "So với KH (%)", "Tăng/giảm", "Ghi chú".</summary>
    public static bool IsComparison(IReadOnlyList<string> stack) =>
        stack.Any(t => ComparisonWords.Any(w => CellText.Fold(t).Contains(w, StringComparison.Ordinal)));

    public static bool ContainsPeriod(string text) => Find(text) is not null;

    /// <summary>A period phrase inside a longer text ("… năm 2020 (%)", "(đến 31/12/2020)"), and the text without it.</summary>
    public static (Period Period, string Remainder)? Find(string text)
    {
        foreach (Match m in PeriodPhrase().Matches(text))
        {
            var phrase = m.Value.Trim(' ', '(', ')', ',', ';');
            if (PeriodHeader.TryParse(phrase, out var period))
                return (period, (text[..m.Index] + " " + text[(m.Index + m.Length)..]).Replace("()", "").Trim());
        }
        return null;
    }

    /// <summary>The texts of a stack that may name an indicator: the period taken out, kind words alone dropped.</summary>
    public static IEnumerable<string> Subjects(IReadOnlyList<string> stack)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var text = stack[i];
            if (PeriodHeader.TryParse(text, out _)) continue;
            if (Find(text) is { } found) text = found.Remainder;
            var folded = VietnameseText.FoldAll(text);
            if (folded.Length == 0 || KindWordsOnly().IsMatch(folded)) continue;
            yield return text;
            // "Chỉ tiêu tỷ lệ bao phủ (%)", "Kế hoạch số người tham gia": the kind said first, then the indicator.
            if (KindPrefix().Match(folded) is { Success: true } prefix && prefix.Length < folded.Length)
                yield return folded[prefix.Length..];
        }
    }

    [GeneratedRegex(@"^((ke hoach|chi tieu|muc tieu|thuc hien|ket qua|uoc thuc hien|uoc|giao|duoc giao|phan dau)\s+)+")]
    private static partial Regex KindPrefix();

    [GeneratedRegex(@"(?:(?:tính |tinh )?(?:đến|den)(?: hết| het| cuối| cuoi)?(?: ngày| ngay)? |(?:năm|nam|giai đoạn|giai doan|gđ|gd|quý|quy|tháng|thang) )?[0-9]{1,4}(?:\s?[/.\-–]\s?[0-9]{1,4}){0,2}", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPhrase();

    [GeneratedRegex(@"^(ke hoach|chi tieu|muc tieu|thuc hien|ket qua|uoc thuc hien|uoc th|kh|th|giao|chi tieu giao|ke hoach giao|nam|so lieu)( (ke hoach|chi tieu|muc tieu|thuc hien|ket qua|giao|duoc giao|nam))*$")]
    private static partial Regex KindWordsOnly();
}
