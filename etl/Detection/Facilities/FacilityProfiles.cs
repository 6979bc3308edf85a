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
        return own.GroupBy(o => (o.Month.tier, o.Month.ownership, o.Month.MonthIndex)).SelectMany(ComparedWithPeers)
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

    private IEnumerable<ProfiledMonth> ComparedWithPeers(IEnumerable<OwnRow> group)
    {
        var rows = group.ToList();
        var features = FacilityFeature.All;
        var logs = rows.Select(r => features.Select(f => RobustStats.Log(f.Read(r.Month))).ToArray()).ToList();
        var levels = new double[features.Count][];
        var shifts = new double[features.Count][];
        var levelScale = new double[features.Count];
        for (var f = 0; f < features.Count; f++)
        {
            levels[f] = logs.Select(l => l[f]).OfType<double>().Order().ToArray();
            shifts[f] = rows.Select((r, i) => r.Expected[f] is { } e && logs[i][f] is { } x ? x - e.Expected : (double?)null).OfType<double>().Order().ToArray();
            levelScale[f] = levels[f].Length > 0 ? Math.Max(t.MinScale, RobustStats.ScaledMad(levels[f], RobustStats.MedianOfSorted(levels[f]))) : double.NaN;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var deviations = new FeatureDeviation?[features.Count];
            for (var f = 0; f < features.Count; f++)
            {
                if (rows[i].Expected[f] is not { } e || logs[i][f] is not { } x) continue;
                var peersHaveHistory = shifts[f].Length - 1 >= t.MinPeers;
                var shift = peersHaveHistory ? RobustStats.MedianWithout(shifts[f], x - e.Expected) : 0;
                double? peerMedian = levels[f].Length - 1 >= t.MinPeers ? RobustStats.MedianWithout(levels[f], x) : null;
                var expected = e.Expected + shift;
                deviations[f] = new FeatureDeviation(features[f], x, expected, (x - expected) / e.Scale, peerMedian,
                    peerMedian is { } pm ? (x - pm) / levelScale[f] : null);
            }
            yield return new ProfiledMonth(rows[i].Month, deviations, rows[i].Flaggable);
        }
    }
}
