using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Prose;

/// <summary>
/// The phrases that name an indicator in running text: every catalog name and alias (<c>indicator_aliases.csv</c>), and
/// the shorter ways sentences say them ("tỷ lệ bao phủ", "lượt KCB", "chi KCB"). A phrase only counts for a number in the
/// indicator's own unit, so "người tham gia BHYT" never takes a percentage. Phrases are folded (no diacritics, đ → d).
/// </summary>
public sealed class ProseIndicatorKeywords
{
    // Sentence wordings beyond the catalog's names and aliases (folded), with the code they mean.
    private static readonly (string Phrase, string Code)[] SentenceWordings =
    [
        ("ty le bao phu", "cov_rate"), ("bao phu bhyt", "cov_rate"), ("ty le tham gia bhyt", "cov_rate"),
        ("ty le nguoi dan tham gia bhyt", "cov_rate"), ("ty le dan so tham gia bhyt", "cov_rate"), ("ty le bhyt toan dan", "cov_rate"),
        ("nguoi tham gia bhyt", "cov_participants"), ("nguoi dan tham gia bhyt", "cov_participants"), ("nguoi co the bhyt", "cov_participants"),
        ("doi tuong tham gia bhyt", "cov_participants"), ("so nguoi tham gia", "cov_participants"), ("the bhyt", "cov_participants"),
        ("dan so", "cov_population"), ("chua tham gia bhyt", "cov_uninsured"), ("ho gia dinh tham gia", "cov_households"),
        ("luot kham chua benh", "kcb_visits"), ("luot kcb", "kcb_visits"), ("luot kham benh", "kcb_visits"),
        ("noi tru", "kcb_inpatient"), ("ngoai tru", "kcb_outpatient"),
        ("chi kcb", "fund_kcb_spending"), ("chi kham chua benh", "fund_kcb_spending"), ("chi phi kcb", "fund_kcb_spending"),
        ("chi phi kham chua benh", "fund_kcb_spending"), ("thu bhyt", "fund_revenue"), ("so thu", "fund_revenue"), ("tong thu", "fund_revenue"),
        ("du toan chi", "fund_kcb_budget"), ("co so kham chua benh", "fac_total"), ("co so kcb", "fac_total"),
        ("tre em duoi 6 tuoi", "rate_under6"), ("tre duoi 6 tuoi", "rate_under6"), ("tren 80 tuoi", "rate_over80"),
        ("nguoi ngheo", "rate_poor"), ("can ngheo", "rate_near_poor"), ("hoc sinh", "rate_students"), ("sinh vien", "rate_students"),
    ];

    private readonly List<(string Phrase, Indicator Indicator)> _phrases = [];

    public ProseIndicatorKeywords(IndicatorCatalog catalog)
    {
        var seen = new HashSet<(string, string)>();
        void Add(string text, string code, int minWords)
        {
            var phrase = VietnameseText.FoldAll(text);
            if (phrase.Split(' ').Length >= minWords && catalog.Find(code) is { } indicator && seen.Add((phrase, code))) _phrases.Add((phrase, indicator));
        }
        // A table's short labels ("Tỷ lệ", "Tuyến tỉnh") mean an indicator under a header, not in a sentence.
        foreach (var indicator in catalog.All) Add(indicator.NameVi, indicator.Code, 3);
        foreach (var (alias, code) in IndicatorAliases.Bundled) Add(alias, code, 3);
        foreach (var (phrase, code) in SentenceWordings) Add(phrase, code, 1);
    }

    /// <summary>
    /// The indicator named last before <paramref name="end"/> in the folded sentence whose unit is
    /// <paramref name="unit"/> (the longest phrase among those ending at the same place), or null.
    /// </summary>
    public (Indicator Indicator, int PhraseLength)? Before(string folded, int end, string unit)
    {
        // Folded like VietnameseText.FoldAll (punctuation as spaces) but keeping positions.
        var words = Words(folded[..end]);
        (Indicator Indicator, int End, int Length)? best = null;
        foreach (var (phrase, indicator) in _phrases)
        {
            if (indicator.Unit != unit) continue;
            var at = words.LastIndexOf(" " + phrase + " ", StringComparison.Ordinal);
            if (at < 0) continue;
            var phraseEnd = at + phrase.Length;
            if (best is null || phraseEnd > best.Value.End || (phraseEnd == best.Value.End && phrase.Length > best.Value.Length))
                best = (indicator, phraseEnd, phrase.Length);
        }
        return best is { } b ? (b.Indicator, b.Length) : null;
    }

    /// <summary>
    /// The indicator whose phrase starts at <paramref name="start"/> of the folded sentence (after a number: "có 64.210
    /// người tham gia BHYT"), in <paramref name="unit"/>, the longest one; or null.
    /// </summary>
    public (Indicator Indicator, int PhraseLength)? At(string folded, int start, string unit)
    {
        var words = Words(folded[start..]).TrimStart();
        var matches = _phrases.Where(p => p.Indicator.Unit == unit && words.StartsWith(p.Phrase + " ", StringComparison.Ordinal)).ToList();
        if (matches.Count == 0) return null;
        var best = matches.MaxBy(p => p.Phrase.Length);
        return (best.Indicator, best.Phrase.Length);
    }

    /// <summary>" text " with every character that is not a letter, digit or '%' as a space (same length plus the two ends).</summary>
    private static string Words(string folded) =>
        " " + new string(folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()) + " ";
}
