namespace Bhyt.Etl.Detection.Coverage;

/// <summary>
/// The fall a unit's figure usually takes from one period to the next at this time of year — pupils' cards lapsing in
/// September, a contributor group renewed every January — which is no anomaly. It is allowed only when two witnesses agree:
/// the unit's own history (the median change into the same month, quarter or year of earlier years) and its peers (the
/// median change of every unit of the same level in the same period, at least <see cref="MinPeers"/> of them). When both
/// fall, the smaller fall is allowed; when one of them has no data, the other alone; when they disagree, nothing. A shock
/// confined to a few districts moves neither the province-wide peer median nor the earlier years, so it stays a drop.
/// </summary>
public sealed class SeasonalAllowance
{
    /// <summary>Peers needed before their median counts as a witness.</summary>
    public const int MinPeers = 5;

    private readonly Dictionary<(string Code, string BoundarySet, string Kind, string Indicator, int Month), List<(int Year, double Change)>> _own = new();
    private readonly Dictionary<(string BoundarySet, string Kind, int Depth, string Label, string Indicator), double> _peers = new();
    private readonly Dictionary<(string, string), int> _depth = new();

    /// <param name="change">How a change is measured for an indicator (points for a rate, percent of the earlier count for a group).</param>
    public SeasonalAllowance(Dictionary<(string Code, string BoundarySet, string Kind), List<UnitPeriod>> series, IEnumerable<string> indicators,
        Func<UnitPeriod, UnitPeriod, string, double?> change)
    {
        var parents = series.Values.SelectMany(s => s).GroupBy(p => (p.UnitCode, p.BoundarySet)).ToDictionary(g => g.Key, g => g.First().ParentCode);
        var peerChanges = new Dictionary<(string, string, int, string, string), List<double>>();
        foreach (var ((code, boundarySet, kind), periods) in series)
        {
            var depth = Depth(parents, code, boundarySet);
            foreach (var indicator in indicators)
            foreach (var (before, after) in CoverageDetector.Consecutive(periods, indicator))
            {
                if (change(before, after, indicator) is not { } delta) continue;
                Add(_own, (code, boundarySet, kind, indicator, after.Start.Month), (after.Start.Year, delta));
                Add(peerChanges, (boundarySet, kind, depth, after.Label, indicator), delta);
            }
        }
        foreach (var (key, changes) in peerChanges.Where(p => p.Value.Count >= MinPeers)) _peers[key] = Median(changes);
    }

    /// <summary>The change (≤ 0) into <paramref name="after"/> that is usual for this unit at this time of year; 0 when none is.</summary>
    public double Usual(UnitPeriod after, string indicator)
    {
        double? own = _own.TryGetValue((after.UnitCode, after.BoundarySet, after.Kind, indicator, after.Start.Month), out var history)
            && history.Where(h => h.Year < after.Start.Year).Select(h => h.Change).ToList() is { Count: > 0 } earlier ? Median(earlier) : null;
        double? peers = _peers.TryGetValue((after.BoundarySet, after.Kind, _depth.GetValueOrDefault((after.UnitCode, after.BoundarySet)), after.Label, indicator), out var median) ? median : null;
        var usual = (own, peers) switch
        {
            ({ } o, { } p) when o < 0 && p < 0 => Math.Max(o, p),
            ({ }, { }) => 0,
            ({ } o, null) => o,
            (null, { } p) => p,
            _ => 0,
        };
        return Math.Min(0, usual);
    }

    private int Depth(Dictionary<(string, string), string?> parents, string code, string boundarySet)
    {
        if (_depth.TryGetValue((code, boundarySet), out var known)) return known;
        var depth = 0;
        for (var current = code; depth < 8 && parents.GetValueOrDefault((current, boundarySet)) is { } parent; current = parent) depth++;
        return _depth[(code, boundarySet)] = depth;
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
