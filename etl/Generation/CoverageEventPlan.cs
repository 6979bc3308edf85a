using System.Globalization;

namespace Bhyt.Etl.Generation;

/// <summary>
/// Monthly coverage events of single communes: planted drops of 2.5–12 points lasting 1–6 months (state-paid cards
/// withdrawn, household cards not renewed), planted collapses of the employer or state-supported group by 30–60 % whose
/// members mostly re-enrol as households (the rate barely moves), and decoy falls of 1–1.8 points. The September lapse
/// of pupils' cards, shared by every commune every year, is listed as a decoy for a few communes.
/// </summary>
public sealed class CoverageEventPlan
{
    private static readonly (CoverageGroup Group, double Share)[] DropCauses = [(CoverageGroup.State, 0.31), (CoverageGroup.Household, 0.32)];

    public CoverageEventPlan(Random random, GenerationOptions options, IReadOnlyList<Bhyt.Warehouse.Reference.AdminUnitRecord> communes, List<PlantedAnomaly> planted, List<PlantedAnomaly> decoys)
    {
        if (communes.Count == 0) return;
        var firstYear = Math.Max(options.FromYear, SubmissionsWriter.MonthlyFromYear);
        var count = Math.Clamp(communes.Count / 15, 4, 60);
        var picks = communes.OrderBy(_ => random.Next()).ToList();
        var next = 0;
        Bhyt.Warehouse.Reference.AdminUnitRecord Pick() => picks[next++ % picks.Count];
        DateOnly Month()
        {
            // Not January (the yearly step), not September or October (the pupils' lapse and renewal), after a year of history.
            var months = new[] { 2, 3, 4, 5, 6, 7, 8, 11, 12 };
            return new DateOnly(random.Next(firstYear + 1, options.ToYear + 1), months[random.Next(months.Length)], 1);
        }
        for (var i = 0; i < count; i++)
        {
            var commune = Pick();
            var (group, share) = DropCauses[random.Next(DropCauses.Length)];
            var points = Math.Round(2.5 + random.NextDouble() * 9.5, 1);
            var from = Month();
            var until = from.AddMonths(random.Next(6));
            // The rate is about 90 %: losing x of a group holding `share` of participants costs about 90·share·x points.
            Events.Add(new CoverageEvent(commune.UnitCode, from, until, group, Math.Min(0.95, points / (90 * share)), 0));
            planted.Add(Entry("coverage_drop", commune, from, until, new() { ["drop_points"] = points, ["group"] = group.ToString() }));
        }
        for (var i = 0; i < count; i++)
        {
            var commune = Pick();
            var group = i % 2 == 0 ? CoverageGroup.Employer : CoverageGroup.StateSupport;
            var lost = Math.Round(0.3 + random.NextDouble() * 0.3, 2);
            var from = Month();
            // Re-enrolled as households, the members stay there: the group does not bounce back.
            var until = new DateOnly(options.ToYear, 12, 1);
            Events.Add(new CoverageEvent(commune.UnitCode, from, until, group, lost, 0.9 + random.NextDouble() * 0.1));
            planted.Add(Entry("group_collapse", commune, from, until, new() { ["group"] = group.ToString(), ["lost_share"] = lost, ["reenrolled"] = "hộ gia đình" }));
        }
        for (var i = 0; i < Math.Max(2, count / 2); i++)
        {
            var commune = Pick();
            var points = Math.Round(1.0 + random.NextDouble() * 0.8, 1);
            var from = Month();
            Events.Add(new CoverageEvent(commune.UnitCode, from, from.AddMonths(2), CoverageGroup.Household, points / (90 * 0.32), 0));
            decoys.Add(Entry("coverage_drop", commune, from, from, new() { ["drop_points"] = points, ["decoy"] = "giảm dưới ngưỡng 2 điểm %" }));
            var september = new DateOnly(random.Next(firstYear, options.ToYear + 1), 9, 1);
            decoys.Add(Entry("coverage_drop", Pick(), september, september, new() { ["decoy"] = "thẻ học sinh hết hạn tháng 9, gia hạn tháng 10 (mọi xã, mọi năm)" }));
        }
    }

    /// <summary>The events, by commune.</summary>
    public List<CoverageEvent> Events { get; } = [];

    private static PlantedAnomaly Entry(string kind, Bhyt.Warehouse.Reference.AdminUnitRecord unit, DateOnly from, DateOnly until, Dictionary<string, object> details)
    {
        details["unit_name"] = unit.Name;
        details["until"] = until.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new PlantedAnomaly(kind, unit.UnitCode, from.ToString("yyyy-MM", CultureInfo.InvariantCulture), details);
    }
}
