using System.Text.RegularExpressions;
using Bhyt.Etl.Parsing;
using Bhyt.Warehouse.Periods;

namespace Bhyt.Etl.Sources.Prose;

/// <summary>
/// A period a sentence names, where it stands, whether it is a horizon ("đến năm 2025") rather than an as-of date, and
/// whether it is only a comparison's base ("so với năm 2022", "cùng kỳ năm 2022"), which no figure of the sentence is about.
/// </summary>
public sealed record PeriodMention(int Start, int End, Period Period, bool Horizon, bool Comparison = false);

/// <summary>
/// The periods a sentence names ("năm 2023", "giai đoạn 2021-2025", "đến hết năm 2019", "31/12/2020", "tháng 6/2021",
/// "quý III/2021"), read by <see cref="PeriodHeader"/>, and the spans that hold numbers but no figure: document numbers
/// with their dates ("Quyết định số 1234/QĐ-UBND ngày 12/3/2021"), phone numbers, clock times.
/// </summary>
public static partial class ProsePeriods
{
    /// <summary>The periods named in a folded sentence, outside <paramref name="excluded"/>, in order.</summary>
    public static List<PeriodMention> Find(string sentence, string folded, IReadOnlyList<(int Start, int End)> excluded)
    {
        var mentions = new List<PeriodMention>();
        foreach (Match m in Phrase().Matches(folded))
        {
            if (excluded.Any(x => m.Index < x.End && x.Start < m.Index + m.Length)) continue;
            var text = sentence.Substring(m.Index, m.Length);
            var comparison = ComparisonBefore().IsMatch(folded[..m.Index]);
            if (m.Groups["year"].Success)
                mentions.Add(new PeriodMention(m.Index, m.Index + m.Length, Period.Year(int.Parse(m.Groups["year"].Value)), true, comparison));
            else if (PeriodHeader.TryParse(text, out var period)) mentions.Add(new PeriodMention(m.Index, m.Index + m.Length, period, false, comparison));
        }
        return mentions;
    }

    /// <summary>Spans of a folded sentence whose numbers are references, phone numbers or times, never figures or periods.</summary>
    public static List<(int Start, int End)> Excluded(string folded)
    {
        var spans = new List<(int, int)>();
        foreach (var regex in new[] { DocumentReference(), Phone(), ClockTime() })
            foreach (Match m in regex.Matches(folded)) spans.Add((m.Index, m.Index + m.Length));
        return spans;
    }

    /// <summary>The year a document reports on: the first "năm YYYY" of its opening paragraphs that is no date or reference.</summary>
    public static int? ContextYear(IEnumerable<string> openingParagraphs)
    {
        foreach (var paragraph in openingParagraphs)
        {
            var folded = ProseText.Fold(paragraph);
            var excluded = Excluded(folded);
            foreach (Match m in ContextYearPhrase().Matches(folded))
                if (!excluded.Any(x => m.Index < x.End && x.Start < m.Index + m.Length) && !DateBefore().IsMatch(folded[..m.Index]))
                    return int.Parse(m.Groups["y"].Value);
        }
        return null;
    }

    // Longest forms first; "đến năm 2025" (no "hết", "cuối", day) is a horizon, read as the year.
    [GeneratedRegex(@"(?<horizon>den nam (?<year>\d{4}))(?! ?[-–/])|(?:(?:tinh |cho )?den (?:het |cuoi )?(?:ngay )?)?(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2} thang \d{1,2} nam \d{4}|(?:thang|quy) [0-9ivx]{1,4}(?:/| nam )\d{4}|(?:giai doan|gd\.?|thoi ky) ?\d{4} ?[-–] ?\d{4}|tu nam \d{4} den nam \d{4}|\d{4} ?[-–] ?\d{4}|nam \d{4})")]
    private static partial Regex Phrase();

    [GeneratedRegex(@"(?:\bso:? ?)?\d+[/\-]\d*[a-z][\w\-/]*(?: ngay \d{1,2}(?:/\d{1,2}/\d{4}| thang \d{1,2} nam \d{4}))?|\bngay \d{1,2}(?:/| thang )\d{1,2}(?:/| nam )\d{4}(?= ?(?:cua|ve viec|v/v|ban hanh)\b)")]
    private static partial Regex DocumentReference();

    [GeneratedRegex(@"(?:dien thoai|\bdt|\bsdt|hotline|fax|so may)\b[^\d]{0,5}[\d .()+\-]{6,}|(?<![\d.,])\(?\+?\b0\d{1,3}\)?[ .\-]?\d{3,4}[ .\-]?\d{3,4}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b\d{1,2}(?::|h)\d{2}\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\bnam (?<y>(?:19|20)\d{2})\b")]
    private static partial Regex ContextYearPhrase();

    [GeneratedRegex(@"(?:so voi|cung ky|hon|voi)(?: cung ky)? $")]
    private static partial Regex ComparisonBefore();

    [GeneratedRegex(@"(?:ngay \d{1,2} )?thang \d{1,2} $")]
    private static partial Regex DateBefore();
}
