namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// Builds the <see cref="ProfiledMonth"/>s from the facility-month rows: keeps the months worth comparing (enough claims,
/// no collapse of volume), compares each with the facility's own seasonal history (<see cref="OwnHistory"/>) net of what
/// its peers (same tier and ownership) did that month, and with the peers' level that month; marks a new facility's first
/// <see cref="FacilityThresholds.NewFacilityMonths"/> and a closed facility's last <see cref="FacilityThresholds.ClosingMonths"/>
/// as not flaggable (a ramp-up and a run-down are not anomalies).
/// </summary>
public sealed class FacilityProfiles(FacilityThresholds t)
{
    /// <summary>A usable facility-month: its log feature values (NaN where none) and its own expectations.</summary>
    private sealed record OwnRow(FacilityMonth Month, double[] Logs, Expectation?[] Expected, bool Flaggable);

    /// <summary>The profiled months, in a stable order (facility by facility within each month) whatever the threads did.</summary>
    public IReadOnlyList<ProfiledMonth> Build(IReadOnlyList<FacilityMonth> rows)
    {
        if (rows.Count == 0) return [];
        var window = (First: rows.Min(r => r.MonthIndex), Last: rows.Max(r => r.MonthIndex));
        var own = rows.GroupBy(r => r.facility_code).AsParallel().AsOrdered().SelectMany(f => OwnRows(f, window)).ToList();
        return own.GroupBy(o => o.Month.MonthIndex).AsParallel().AsOrdered().SelectMany(ComparedWithPeers).ToList();
    }

    /// <summary>A facility's usable months with their own expectations; whether each may be flagged (not new, not closing).</summary>
    private List<OwnRow> OwnRows(IEnumerable<FacilityMonth> facility, (int First, int Last) window)
    {
        var all = facility.OrderBy(r => r.MonthIndex).ToList();
        var opened = all[0].MonthIndex;
        var closed = all[^1].MonthIndex;
        var series = UsableMonths(all);
        var expected = FacilityFeature.All.Select(f => OwnHistory.Expect(series, f, t)).ToArray();
        var rows = new List<OwnRow>(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            var m = series[i].MonthIndex;
            var isNew = opened > window.First && m - opened < t.NewFacilityMonths;
            var isClosing = closed < window.Last && closed - m < t.ClosingMonths;
            var logs = FacilityFeature.All.Select(f => RobustStats.Log(f.Read(series[i])) ?? double.NaN).ToArray();
            var month = expected.Select(e => e[i]).ToArray();
            if (month.Any(e => e is not null)) rows.Add(new OwnRow(series[i], logs, month, !isNew && !isClosing));
        }
        return rows;
    }

    /// <summary>Months with enough claims whose volume has not collapsed below a share of the facility's recent level.</summary>
    private List<FacilityMonth> UsableMonths(List<FacilityMonth> series)
    {
        var usable = new List<FacilityMonth>();
        var recent = new List<double>();
        foreach (var m in series)
        {
            if (m.claims < t.MinClaims) continue;
            var collapsed = recent.Count >= 3 && m.claims < t.CollapseShare * RobustStats.Median(recent.TakeLast(t.LevelMonths).ToList());
            if (!collapsed) usable.Add(m);
            recent.Add(m.claims);
        }
        return usable;
    }

    /// <summary>
    /// Compares each facility-month of one month with its peers: the group of its tier and ownership, or — when that group
    /// has fewer than <see cref="FacilityThresholds.MinPeers"/> others for a feature — its tier, or all facilities. Every
    /// month keeps its z-scores (for the model); only a flaggable month with a large rise keeps the full deviations.
    /// </summary>
    private List<ProfiledMonth> ComparedWithPeers(IEnumerable<OwnRow> month)
    {
        var rows = month.ToList();
        var result = new List<ProfiledMonth>(rows.Count);
        PeerGroup Group(string description, IEnumerable<OwnRow> members) =>
            new(description, members.Select(m => (m.Logs, m.Expected)).ToList(), t.MinScale);
        // The wider groups are built only when a narrower one is too small.
        var all = new Lazy<PeerGroup>(() => Group("các cơ sở KCB", rows));
        var byTier = rows.GroupBy(r => r.Month.tier).ToDictionary(g => g.Key, g => new Lazy<PeerGroup>(() => Group($"các cơ sở cùng tuyến {g.Key}", g)));
        var byOwnership = rows.GroupBy(r => (r.Month.tier, r.Month.ownership)).ToDictionary(g => g.Key, g => new Lazy<PeerGroup>(() =>
            Group($"các cơ sở cùng tuyến {g.Key.tier}, {(g.Key.ownership == "private" ? "tư nhân" : "công lập")}", g)));
        var features = FacilityFeature.All;
        foreach (var row in rows)
        {
            var groups = new[] { byOwnership[(row.Month.tier, row.Month.ownership)], byTier[row.Month.tier], all };
            var expected = new double[features.Count];
            var z = new float[features.Count];
            var candidate = false;
            for (var f = 0; f < features.Count; f++)
            {
                expected[f] = double.NaN;
                z[f] = float.NaN;
                if (row.Expected[f] is not { } e || double.IsNaN(row.Logs[f])) continue;
                var x = row.Logs[f];
                var shiftGroup = Narrowest(groups, g => g.OthersWithHistory(f));
                expected[f] = e.Expected + (shiftGroup?.Shift(f, x - e.Expected) ?? 0);
                z[f] = (float)((x - expected[f]) / e.Scale);
                candidate |= row.Flaggable && t.IsSustainableRise(features[f], row.Month, x, expected[f], z[f]);
            }
            result.Add(new ProfiledMonth(row.Month, z, candidate ? Deviations(row, groups, expected, z) : null, row.Flaggable));
        }
        return result;
    }

    /// <summary>The narrowest group with at least <see cref="FacilityThresholds.MinPeers"/> others by <paramref name="count"/>; null when none has.</summary>
    private PeerGroup? Narrowest(Lazy<PeerGroup>[] groups, Func<PeerGroup, int> count)
    {
        foreach (var group in groups)
            if (count(group.Value) >= t.MinPeers) return group.Value;
        return null;
    }

    private FeatureDeviation?[] Deviations(OwnRow row, Lazy<PeerGroup>[] groups, double[] expected, float[] z)
    {
        var deviations = new FeatureDeviation?[z.Length];
        for (var f = 0; f < z.Length; f++)
        {
            if (float.IsNaN(z[f])) continue;
            var x = row.Logs[f];
            var levelGroup = Narrowest(groups, g => g.Others(f));
            var level = levelGroup?.Level(f, x);
            deviations[f] = new FeatureDeviation(FacilityFeature.All[f], x, expected[f], z[f], level?.Median, level?.Z, levelGroup?.Description);
        }
        return deviations;
    }
}
