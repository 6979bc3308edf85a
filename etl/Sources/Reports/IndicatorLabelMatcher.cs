using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// Recognises a table row label as a catalog indicator, ignoring diacritics, numbering and markup, and using the
/// row's context: under a parent with a <c>sum_of</c> rule, "Tuyến huyện" means the parent's district child; in a
/// section about shares ("Tỷ lệ … nhóm …"), a group's name means the group's share.
/// </summary>
public sealed class IndicatorLabelMatcher
{
    private const double MinSimilarity = 0.8;

    private readonly IndicatorCatalog _catalog;
    private readonly Dictionary<string, Indicator> _byName = new();
    private readonly Dictionary<string, Indicator> _byAlias = new();

    public IndicatorLabelMatcher(IndicatorCatalog catalog)
    {
        _catalog = catalog;
        foreach (var indicator in catalog.All) _byName.TryAdd(ReportText.LabelKey(indicator.NameVi), indicator);
        foreach (var (alias, code) in IndicatorAliases.Bundled)
            if (catalog.Find(code) is { } indicator) _byAlias.TryAdd(ReportText.LabelKey(alias), indicator);
        foreach (var (key, indicator) in _byName.Concat(_byAlias))
            _byLooseKey.TryAdd(Loose(key), indicator);
    }

    private readonly Dictionary<string, Indicator> _byLooseKey = [];

    /// <summary>
    /// A label key without the words every BHYT table may or may not write ("BHYT", "bảo hiểm y tế", "tổng số", "số",
    /// "người dân"): "Tỷ lệ bao phủ" and "Tỷ lệ bao phủ BHYT", "Số người tham gia" and "Tổng số người tham gia BHYT"
    /// mean the same indicator.
    /// </summary>
    private static string Loose(string key) =>
        string.Join(' ', $" {key} ".Replace(" bao hiem y te ", " ").Replace(" bhyt ", " ").Replace(" tong so ", " ").Replace(" nguoi dan ", " nguoi ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("so" or "cua" or "cac")));

    /// <summary>The indicator a label means in its context, or null.</summary>
    public Indicator? Match(string label, Indicator? parent, bool shareSection)
    {
        var key = ReportText.LabelKey(label);
        if (key.Length == 0) return null;
        if (parent is not null && MatchChild(key, parent) is { } child) return child;
        var found = _byName.GetValueOrDefault(key) ?? _byAlias.GetValueOrDefault(key) ?? LooseMatch(key) ?? MostSimilar(key);
        if (found is not null && shareSection && _catalog.Find(found.Code + "_share") is { } share) return share;
        return found;
    }

    /// <summary>True when a section label announces shares within the participants ("Tỷ lệ … theo các nhóm …").</summary>
    public static bool IsShareSection(string label)
    {
        var key = ReportText.LabelKey(label);
        return key.StartsWith("ty le", StringComparison.Ordinal) && key.Contains("nhom", StringComparison.Ordinal);
    }

    private Indicator? MatchChild(string key, Indicator parent)
    {
        foreach (var code in parent.SumOfCodes)
        {
            if (_catalog.Find(code) is not { } child) continue;
            var name = ReportText.LabelKey(child.NameVi);
            var tail = child.NameVi.Contains(" - ") ? ReportText.LabelKey(child.NameVi[(child.NameVi.LastIndexOf(" - ", StringComparison.Ordinal) + 3)..]) : null;
            if (key == name || key == tail) return child;
        }
        return null;
    }

    private Indicator? LooseMatch(string key) => Loose(key) is { Length: > 0 } loose ? _byLooseKey.GetValueOrDefault(loose) : null;

    private Indicator? MostSimilar(string key)
    {
        var tokens = key.Split(' ').ToHashSet();
        if (tokens.Count < 3) return null;
        var ranked = _byName.Select(entry => (entry.Value, Score: Jaccard(tokens, entry.Key.Split(' ').ToHashSet())))
            .OrderByDescending(r => r.Score).Take(2).ToList();
        if (ranked.Count == 0 || ranked[0].Score < MinSimilarity) return null;
        return ranked.Count > 1 && ranked[1].Score >= ranked[0].Score - 0.05 ? null : ranked[0].Value;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) => (double)a.Intersect(b).Count() / a.Union(b).Count();
}
