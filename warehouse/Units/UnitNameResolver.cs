namespace Bhyt.Warehouse.Units;

/// <summary>
/// Finds the units a written name may mean, ignoring case, diacritics, administrative prefixes and the spelling
/// variants seen in real documents, within a scope (ancestor unit, level, date). Returns every candidate with a
/// confidence so callers can refuse ambiguous or weak matches (<see cref="ResolveOne"/>).
/// </summary>
public sealed class UnitNameResolver
{
    private const double Exact = 1.0, TonesIgnored = 0.9, AliasMatch = 0.85, DiacriticsIgnored = 0.8, OneEditApart = 0.6;
    private const double TypeMismatchFactor = 0.9, LevelMismatchFactor = 0.8;

    // Names people write that share nothing with the official short name.
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["hcm"] = "ho chi minh", ["tphcm"] = "ho chi minh", ["sai gon"] = "ho chi minh",
        ["brvt"] = "ba ria vung tau", ["hue"] = "thua thien hue",
    };

    private readonly UnitDirectory _directory;
    private readonly ILookup<string, UnitRecord> _byExact, _byTones, _byAscii;

    public UnitNameResolver(UnitDirectory directory)
    {
        _directory = directory;
        _byExact = directory.Units.ToLookup(u => VietnameseText.Normalise(u.ShortName));
        _byTones = directory.Units.ToLookup(u => VietnameseText.FoldTones(u.ShortName));
        _byAscii = directory.Units.ToLookup(u => VietnameseText.FoldAll(u.ShortName));
    }

    /// <summary>Every unit in scope the name may mean, most likely first.</summary>
    public IReadOnlyList<UnitCandidate> Resolve(string name, UnitScope scope)
    {
        var normalised = VietnameseText.Normalise(name);
        if (normalised.Length == 0) return [];
        var split = UnitNamePrefix.Split(normalised);
        var forms = split is { } s ? new[] { s.Remainder, normalised } : [normalised];

        var found = new Dictionary<int, UnitCandidate>();
        foreach (var form in forms)
        {
            // The whole text matching a name means no prefix was written: "Huyền Hội" is a commune, not "Huyện" + "Hội".
            var prefix = form == normalised ? null : split;
            Add(found, _byExact[form], Exact, "tên trùng khớp", prefix, scope);
            Add(found, _byTones[VietnameseText.FoldTones(form)], TonesIgnored, "khớp khi bỏ dấu thanh", prefix, scope);
            var ascii = VietnameseText.FoldAll(form);
            Add(found, _byAscii[ascii], DiacriticsIgnored, "khớp khi bỏ toàn bộ dấu", prefix, scope);
            if (Aliases.TryGetValue(ascii, out var official))
                Add(found, _byAscii[official], AliasMatch, "tên gọi khác", prefix, scope);
        }
        if (found.Count == 0) AddNearSpellings(found, VietnameseText.FoldAll(forms[0]), split, scope);

        return found.Values.OrderByDescending(c => c.Confidence).ThenBy(c => c.Unit.Level).ThenBy(c => c.Unit.UnitCode).ToList();
    }

    /// <summary>
    /// The one unit the name means, or null with the reason: not found, below <paramref name="minConfidence"/>,
    /// or ambiguous (two candidates equally likely).
    /// </summary>
    public (UnitCandidate? Match, IReadOnlyList<UnitCandidate> Candidates) ResolveOne(string name, UnitScope scope, double minConfidence = 0.75)
    {
        var candidates = Resolve(name, scope);
        if (candidates.Count == 0 || candidates[0].Confidence < minConfidence) return (null, candidates);
        var ambiguous = candidates.Count > 1 && Math.Abs(candidates[1].Confidence - candidates[0].Confidence) < 1e-9;
        return (ambiguous ? null : candidates[0], candidates);
    }

    private void Add(Dictionary<int, UnitCandidate> found, IEnumerable<UnitRecord> units, double confidence, string reason,
        (UnitNamePrefix Prefix, string Remainder)? split, UnitScope scope)
    {
        foreach (var unit in units.Where(u => InScope(u, scope)))
        {
            var (score, why) = Adjust(unit, confidence, reason, split?.Prefix);
            if (!found.TryGetValue(unit.UnitKey, out var existing) || existing.Confidence < score)
                found[unit.UnitKey] = new UnitCandidate(unit, score, why);
        }
    }

    private void AddNearSpellings(Dictionary<int, UnitCandidate> found, string ascii, (UnitNamePrefix Prefix, string Remainder)? split, UnitScope scope)
    {
        if (ascii.Length < 5) return;
        var near = _directory.Units.Where(u => InScope(u, scope) && EditDistanceAtMostOne(VietnameseText.FoldAll(u.ShortName), ascii));
        Add(found, near, OneEditApart, "gần giống (khác một ký tự)", split, scope);
    }

    private static (double Score, string Reason) Adjust(UnitRecord unit, double confidence, string reason, UnitNamePrefix? prefix)
    {
        if (prefix is null) return (confidence, reason);
        if (!prefix.Levels.Contains(unit.Level))
            return (confidence * LevelMismatchFactor, $"{reason}; cấp hành chính khác ({unit.UnitType})");
        if (!string.Equals(VietnameseText.FoldAll(prefix.UnitType), VietnameseText.FoldAll(unit.UnitType), StringComparison.Ordinal))
            return (confidence * TypeMismatchFactor, $"{reason}; loại đơn vị khác ({unit.UnitType})");
        return (confidence, reason);
    }

    private bool InScope(UnitRecord unit, UnitScope scope) =>
        (scope.Level is null || unit.Level == scope.Level)
        && (scope.AsOf is not { } date || unit.IsValidOn(date))
        && (scope.AncestorCode is null || _directory.Ancestors(unit).Any(a => a.UnitCode == scope.AncestorCode));

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (a.Length < b.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
