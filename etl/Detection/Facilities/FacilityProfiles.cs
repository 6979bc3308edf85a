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
    private sealed record OwnRow(FacilityMonth Month, Expectation?[] Expected, bool Flaggable);

    public IReadOnlyList<ProfiledMonth> Build(IReadOnlyList<FacilityMonth> rows)
    {
        if (rows.Count == 0) return [];
        var firstMonth = rows.Min(r => r.MonthIndex);
        var lastMonth = rows.Max(r => r.MonthIndex);
        var own = new List<OwnRow>();
        foreach (var facility in rows.GroupBy(r => r.facility_code))
        {
            var all = facility.OrderBy(r => r.MonthIndex).ToList();
            var opened = all.First(r => r.claims > 0).MonthIndex;
            var closed = all.Last(r => r.claims > 0).MonthIndex;
            var series = UsableMonths(all);
            var expected = FacilityFeature.All.Select(f => OwnHistory.Expect(series, f, t)).ToArray();
            for (var i = 0; i < series.Count; i++)
            {
                var m = series[i].MonthIndex;
                var isNew = opened > firstMonth && m - opened < t.NewFacilityMonths;
                var isClosing = closed < lastMonth && closed - m < t.ClosingMonths;
                own.Add(new OwnRow(series[i], expected.Select(e => e[i]).ToArray(), !isNew && !isClosing));
            }
        }
        return own.GroupBy(o => o.Month.MonthIndex).SelectMany(ComparedWithPeers)
            .Where(p => p.Deviations.Any(d => d is not null)).ToList();
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
    /// has fewer than <see cref="FacilityThresholds.MinPeers"/> others for a feature — its tier, or all facilities.
    /// </summary>
    private IEnumerable<ProfiledMonth> ComparedWithPeers(IEnumerable<OwnRow> month)
    {
        var rows = month.Select(r => (Row: r, Logs: FacilityFeature.All.Select(f => RobustStats.Log(f.Read(r.Month))).ToArray())).ToList();
        PeerGroup Group(string description, IEnumerable<(OwnRow Row, double?[] Logs)> members) =>
            new(description, members.Select(m => (m.Logs, m.Row.Expected)).ToList(), t.MinScale);
        var all = Group("các cơ sở KCB", rows);
        var byTier = rows.GroupBy(r => r.Row.Month.tier).ToDictionary(g => g.Key, g => Group($"các cơ sở cùng tuyến {g.Key}", g));
        var byOwnership = rows.GroupBy(r => (r.Row.Month.tier, r.Row.Month.ownership)).ToDictionary(g => g.Key,
            g => Group($"các cơ sở cùng tuyến {g.Key.tier}, {(g.Key.ownership == "private" ? "tư nhân" : "công lập")}", g));
        foreach (var (row, logs) in rows)
        {
            var groups = new[] { byOwnership[(row.Month.tier, row.Month.ownership)], byTier[row.Month.tier], all };
            var deviations = new FeatureDeviation?[logs.Length];
            for (var f = 0; f < logs.Length; f++)
            {
                if (row.Expected[f] is not { } e || logs[f] is not { } x) continue;
                var shiftGroup = groups.FirstOrDefault(g => g.OthersWithHistory(f) >= t.MinPeers);
                var expected = e.Expected + (shiftGroup?.Shift(f, x - e.Expected) ?? 0);
                var levelGroup = groups.FirstOrDefault(g => g.Others(f) >= t.MinPeers);
                var level = levelGroup?.Level(f, x);
                deviations[f] = new FeatureDeviation(FacilityFeature.All[f], x, expected, (x - expected) / e.Scale, level?.Median, level?.Z,
                    levelGroup?.Description);
            }
            yield return new ProfiledMonth(row.Month, deviations, row.Flaggable);
        }
    }
}
