using System.Text.RegularExpressions;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Parsing;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Prose;

/// <summary>
/// Reads figures stated in a report document's running text ("tỷ lệ bao phủ BHYT đạt 78,4% dân số", "chỉ tiêu năm
/// 2022: 91,2%", "chi KCB BHYT 350 tỷ đồng") as <see cref="ProseCandidate"/>s for review. A number becomes a candidate
/// only when the sentence names an indicator in the number's unit (or the passage just did); numbers that are no level
/// of an indicator are left alone: references and dates, phone numbers, clock times, changes ("tăng 2.315 người",
/// "giảm 1,2 điểm %"), thresholds ("từ 90% trở lên", "trên 95%"), ages, counts of units ("6/12 xã", "15 xã"), years.
/// </summary>
public sealed partial class ProseFigureExtractor(IndicatorCatalog catalog, UnitNameResolver? names = null)
{
    private const int OpeningParagraphs = 8;

    private static readonly string[] TargetWords = ["chi tieu", "ke hoach", "phan dau", "muc tieu", "giao", "du kien", "dinh huong", "lo trinh"];
    private static readonly string[] ActualWords = ["ket qua", "thuc hien", "thuc te", "hien nay", "hien tai"];
    private static readonly string[] ChangeWords = ["tang", "giam", "them", "hon", "vuot", "chenh lech", "so voi"];
    private static readonly string[] LevelWords = ["dat", "la", "len", "con", "chiem", "co", "tong so", "tong cong", "gom"];
    private static readonly string[] BoundWords = ["tren", "duoi", "tu", "toi thieu", "it nhat", "toi da", "khong qua", "khong duoi", "ngoai"];
    private static readonly string[] FurnitureWords = ["luot xem", "luot truy cap", "truy cap", "cap nhat", "luc", "trang", "ma so", "so hieu", "so"];
    private static readonly string[] ApproximateWords = ["khoang", "gan", "xap xi", "uoc", "uoc tinh", "uoc dat"];

    private readonly ProseIndicatorKeywords _keywords = new(catalog);

    /// <summary>
    /// The candidates of <paramref name="document"/>'s paragraphs. The unit of each is the one its sentence names (when
    /// <see cref="UnitNameResolver"/> is given and the name is unambiguous), else <paramref name="reportingUnit"/>.
    /// </summary>
    public IReadOnlyList<ProseCandidate> Extract(RawDocument document, UnitRecord? reportingUnit)
    {
        var contextYear = ProsePeriods.ContextYear(document.Paragraphs.Take(OpeningParagraphs).Select(p => p.Text));
        var candidates = new List<ProseCandidate>();
        int? passageLine = null;
        Indicator? lastIndicator = null;
        foreach (var sentence in ProseText.Sentences(document.Paragraphs))
        {
            if (sentence.Line != passageLine) (passageLine, lastIndicator) = (sentence.Line, null);
            var reading = new SentenceReading(sentence.Text, contextYear, lastIndicator);
            var unit = UnitNamedIn(sentence.Text, reportingUnit) ?? reportingUnit;
            foreach (var candidate in Read(reading, unit?.UnitCode, $"dòng {sentence.Line}"))
            {
                candidates.Add(candidate);
                lastIndicator = catalog.Find(candidate.IndicatorCode!);
            }
        }
        return candidates;
    }

    /// <summary>The candidates of one sentence (no unit, no context): for tests and callers holding plain text.</summary>
    public IReadOnlyList<ProseCandidate> ReadSentence(string sentence, int? contextYear = null, string? unitCode = null) =>
        Read(new SentenceReading(sentence.Normalize(System.Text.NormalizationForm.FormC), contextYear, null), unitCode, "câu").ToList();

    private IEnumerable<ProseCandidate> Read(SentenceReading s, string? unitCode, string location)
    {
        var previousEnd = 0;
        foreach (Match number in Number().Matches(s.Text))
        {
            var segment = s.Folded[Math.Min(previousEnd, number.Index)..number.Index];
            previousEnd = number.Index + number.Length;
            if (s.IsExcluded(number.Index, previousEnd) || IsAttached(s.Text, number) || IsYear(number.Value, s.Folded, previousEnd)) continue;
            var words = ProseUnitWords.Read(s.Folded, previousEnd);
            if (words.Class is ProseUnitClass.Delta or ProseUnitClass.Other) continue;
            if (IsChange(segment) || IsBound(segment, s.Folded, previousEnd + words.Phrase.Length + 1) || EndsWithAny(segment, FurnitureWords)) continue;
            if (Candidate(s, number, words, segment, unitCode, location) is { } candidate) yield return candidate;
            previousEnd += words.Phrase.Length + 1;
            previousEnd = Math.Min(previousEnd, s.Text.Length);
        }
    }

    private ProseCandidate? Candidate(SentenceReading s, Match number, ProseUnitWords words, string segment, string? unitCode, string location)
    {
        var end = number.Index + number.Length;
        var (indicator, named) = FindIndicator(s, number.Index, end, words);
        if (indicator is null) return null;
        var parsed = VietnameseNumber.Parse(words.CatalogUnit == CatalogUnits.Percent ? number.Value + "%" : number.Value,
            words.Factor == 1m ? indicator.Unit : null);
        if (!parsed.IsNumber || parsed.Value < 0) return null;

        var period = s.PeriodFor(number.Index);
        var kind = KindOf(s.Folded[..number.Index], period);
        var confidence = 0.5m + (named ? 0.2m : 0.05m) + (words.Class == ProseUnitClass.Measure ? 0.1m : -0.1m)
                         + (period is not null ? 0.1m : s.ContextYear is not null ? -0.05m : -0.2m)
                         + (EndsWithAny(segment.TrimEnd(' ', ':'), LevelWords) || segment.TrimEnd().EndsWith(':') ? 0.05m : 0m)
                         - (ContainsAny(segment, ApproximateWords) ? 0.2m : 0m);
        var spanEnd = words.Phrase.Length == 0 ? end : SkipSpaces(s.Text, end) + words.Phrase.Length;
        var periodLabel = period?.Period.Label ?? (s.ContextYear is { } year ? Warehouse.Periods.Period.Year(year).Label : null);
        return new ProseCandidate(unitCode, periodLabel, indicator.Code, kind, parsed.Value * words.Factor, indicator.Unit,
            s.Text[number.Index..spanEnd], Math.Clamp(confidence, 0.05m, 0.99m), s.Text, number.Index, spanEnd - number.Index, location);
    }

    private (Indicator? Indicator, bool Named) FindIndicator(SentenceReading s, int start, int end, ProseUnitWords words)
    {
        var units = words.CatalogUnit is { } stated ? [stated] : new[] { "persons", "visits", "households", "facilities" };
        // A phrase right after the number names it most closely ("đảm bảo 100% học sinh", "có 64.210 người tham gia BHYT").
        var unitStart = SkipSpaces(s.Folded, end);
        var after = units.Select(u => _keywords.At(s.Folded, unitStart, u)).Where(f => f is not null).MaxBy(f => f!.Value.PhraseLength);
        if (after is { } a) return (a.Indicator, true);
        var found = units.Select(u => _keywords.Before(s.Folded, start, u)).Where(f => f is not null).MaxBy(f => f!.Value.PhraseLength);
        if (found is { } f) return (f.Indicator, true);
        // "… chiếm 78,4% dân số": the share of the population is the coverage rate.
        if (words.CatalogUnit == CatalogUnits.Percent && s.Folded[end..].TrimStart(' ', '%').StartsWith("dan so", StringComparison.Ordinal))
            return (catalog.Find("cov_rate"), true);
        return s.PassageIndicator is { } last && units.Contains(last.Unit) ? (last, false) : (null, false);
    }

    private static string KindOf(string before, PeriodMention? period)
    {
        var target = ContainsAny(before, TargetWords, out var targetAt);
        var actual = ContainsAny(before, ActualWords, out var actualAt);
        if (target && (!actual || targetAt > actualAt)) return Figure.Target;
        return period is { Horizon: true } && !actual ? Figure.Target : Figure.Actual;
    }

    private UnitRecord? UnitNamedIn(string sentence, UnitRecord? reportingUnit)
    {
        if (names is null) return null;
        foreach (Match m in UnitName().Matches(sentence))
        {
            var (match, _) = names.ResolveOne(m.Value, new UnitScope(reportingUnit?.UnitCode));
            if (match is not null && match.Unit.UnitCode != reportingUnit?.UnitCode) return match.Unit;
        }
        return null;
    }

    // A change is stated when a change word comes after the last level word ("tăng so với 2022, đạt 64.210" is a level).
    private static bool IsChange(string segment)
    {
        ContainsAny(segment, ChangeWords, out var change);
        ContainsAny(segment, LevelWords, out var level);
        return change >= 0 && change > level;
    }

    private static bool IsBound(string segment, string folded, int afterUnit) =>
        EndsWithAny(segment, BoundWords) || (afterUnit < folded.Length && Regex.IsMatch(folded[afterUnit..], @"^\s*tro (len|xuong|ra)\b"));

    // Glued to a '/', ':', letter or '-digit': a fraction ("6/12"), a date, a time, a code ("QĐ12"), a range.
    private static bool IsAttached(string text, Match number)
    {
        var before = number.Index > 0 ? text[number.Index - 1] : ' ';
        var end = number.Index + number.Length;
        var after = end < text.Length ? text[end] : ' ';
        var afterNext = end + 1 < text.Length ? text[end + 1] : ' ';
        return before is '/' or ':' || char.IsLetter(before) || after is '/' or ':' || char.IsLetter(after)
               || (after is '-' or '–' && char.IsDigit(afterNext));
    }

    private static bool IsYear(string number, string folded, int end) =>
        number.Length == 4 && number.All(char.IsAsciiDigit) && number[..2] is "19" or "20" && ProseUnitWords.Read(folded, end).Class == ProseUnitClass.None;

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && text[at] == ' ') at++;
        return at;
    }

    private static bool EndsWithAny(string segment, string[] words)
    {
        var text = " " + Regex.Replace(segment, @"[^\p{L}\p{N}%]+", " ").Trim();
        return words.Any(w => text.EndsWith(" " + w, StringComparison.Ordinal));
    }

    private static bool ContainsAny(string text, string[] words) => ContainsAny(text, words, out _);

    private static bool ContainsAny(string text, string[] words, out int last)
    {
        var padded = " " + Regex.Replace(text, @"[^\p{L}\p{N}%]+", " ") + " ";
        last = words.Max(w => padded.LastIndexOf(" " + w + " ", StringComparison.Ordinal));
        return last >= 0;
    }

    // A number as sentences write it: Vietnamese groups ("64.210", "1.234.567,5") or a plain decimal ("78,4", "88.75").
    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?:\s+\p{Lu}[\p{L}\-]*)+")]
    private static partial Regex UnitName();
}
