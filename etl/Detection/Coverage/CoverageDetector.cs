using Bhyt.Warehouse.Reference;
namespace Bhyt.Etl.Detection.Coverage;

/// <summary>
/// Coverage over <c>rpt.indicator_values</c>, in every period kind and both boundary sets (a unit is its code and
/// boundary set), comparing each period with the previous one of the same kind: a coverage-rate drop beyond a threshold
/// (naming the contributor group that moved and, for a parent, the children that explain it), a rate below the period's
/// target, and a contributor group shrinking sharply. Values are read as stored — reported or derived by the warehouse —
/// and a pre-2025 figure mapped onto a 2025 unit is never compared with a figure reported for it (a boundary change is
/// not a drop).
/// </summary>
public sealed class CoverageDetector(CoverageThresholds? thresholds = null) : IDetector
{
    private static readonly string[] Indicators = ["cov_rate", "cov_participants", "cov_population", .. ContributorGroups.Codes, .. ContributorGroups.ShareCodes];

    private readonly CoverageThresholds _thresholds = thresholds ?? CoverageThresholds.Default;

    public string Name => "coverage";

    public IReadOnlyCollection<string> Kinds { get; } = [AnomalyKinds.CoverageDrop, AnomalyKinds.BelowTarget, AnomalyKinds.GroupCollapse];

    public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct)
    {
        var figures = await StoredFigures.ReadAsync(context, Indicators, ct);
        var groupNames = await GroupNamesAsync(context, ct);
        var series = UnitPeriod.Series(figures);
        var explainer = new CoverageExplanation(series, groupNames, _thresholds);
        var usual = new SeasonalAllowance(series, ["cov_rate", .. ContributorGroups.Codes], Change);
        var findings = new List<(string BoundarySet, AnomalyFinding Finding)>();
        foreach (var ((_, boundarySet, _), periods) in series)
        {
            var drops = Drops(periods, explainer, usual, out var namedGroups).ToList();
            findings.AddRange(drops.Concat(BelowTargets(periods)).Concat(GroupCollapses(periods, explainer, usual, namedGroups)).Select(f => (boundarySet, f)));
        }
        return OnePerIdentity(findings).Where(f => InRange(f, context)).ToList();
    }

    /// <summary>A rate's change in points; a group's in percent of its earlier count (null when it had none).</summary>
    private static double? Change(UnitPeriod before, UnitPeriod after, string indicator)
    {
        var (was, now) = (before.Value(indicator)!.Value, after.Value(indicator)!.Value);
        return indicator == "cov_rate" ? now - was : was > 0 ? 100 * (now - was) / was : null;
    }

    private IEnumerable<AnomalyFinding> Drops(List<UnitPeriod> periods, CoverageExplanation explainer, SeasonalAllowance usual, out HashSet<(string Label, string Group)> namedGroups)
    {
        var named = new HashSet<(string, string)>();
        var found = new List<AnomalyFinding>();
        foreach (var (before, after) in Consecutive(periods, "cov_rate"))
        {
            var drop = before.Value("cov_rate")!.Value - after.Value("cov_rate")!.Value;
            if (drop < _thresholds.DropThreshold(after.Kind)) continue;
            var seasonal = -usual.Usual(after, "cov_rate");
            if (drop - seasonal < _thresholds.DropThreshold(after.Kind)) continue;
            var (sentence, group) = explainer.Drop(before, after);
            if (seasonal > 0) sentence += CoverageExplanation.Seasonal(seasonal, drop - seasonal);
            if (group is not null) named.Add((after.Label, group));
            var severity = drop >= _thresholds.DropHighPoints ? AnomalyFinding.High : drop >= _thresholds.DropMediumPoints ? AnomalyFinding.Medium : AnomalyFinding.Low;
            found.Add(Finding(AnomalyKinds.CoverageDrop, after, "cov_rate", after.Value("cov_rate"), before.Value("cov_rate"), drop, severity,
                $"consecutive_{after.Kind}s: fall ≥ {_thresholds.DropThreshold(after.Kind)} pp beyond the usual seasonal fall", sentence));
        }
        namedGroups = named;
        return found;
    }

    private IEnumerable<AnomalyFinding> BelowTargets(List<UnitPeriod> periods)
    {
        foreach (var period in periods)
        {
            if (!period.Actual.TryGetValue("cov_rate", out var actual) || !period.Target.TryGetValue("cov_rate", out var target)) continue;
            var gap = target.Value - actual.Value;
            if (gap < _thresholds.BelowTargetPoints) continue;
            var severity = gap >= _thresholds.BelowTargetHighPoints ? AnomalyFinding.High : gap >= _thresholds.BelowTargetMediumPoints ? AnomalyFinding.Medium : AnomalyFinding.Low;
            yield return Finding(AnomalyKinds.BelowTarget, period, "cov_rate", actual.Value, target.Value, gap, severity,
                $"target_gap: ≥ {_thresholds.BelowTargetPoints} pp below the period's target", CoverageExplanation.BelowTarget(period, actual.Value, target.Value));
        }
    }

    private IEnumerable<AnomalyFinding> GroupCollapses(List<UnitPeriod> periods, CoverageExplanation explainer, SeasonalAllowance usual, HashSet<(string Label, string Group)> namedInDrops)
    {
        var collapses = new List<(UnitPeriod Before, UnitPeriod After, string Group, double FallPercent)>();
        foreach (var group in ContributorGroups.Codes)
        foreach (var (before, after) in Consecutive(periods, group))
        {
            // A group that caused a reported drop is named in that drop's explanation: one event, one flag.
            if (namedInDrops.Contains((after.Label, group))) continue;
            if (CollapseOf(before, after, group, -usual.Usual(after, group)) is { } fallPercent) collapses.Add((before, after, group, fallPercent));
        }
        // One finding per unit and period (the identity of an anomaly), naming every group that collapsed, the largest first.
        foreach (var inPeriod in collapses.GroupBy(c => c.After.Label))
        {
            var ordered = inPeriod.OrderByDescending(c => c.FallPercent).ToList();
            var (before, after, group, fallPercent) = ordered[0];
            var severity = fallPercent >= _thresholds.GroupFallHighPercent ? AnomalyFinding.High
                : fallPercent >= _thresholds.GroupFallMediumPercent ? AnomalyFinding.Medium : AnomalyFinding.Low;
            yield return Finding(AnomalyKinds.GroupCollapse, after, group, after.Value(group), before.Value(group), fallPercent, severity,
                $"consecutive_{after.Kind}s: group fall ≥ {_thresholds.GroupFallPercent} %", explainer.GroupCollapse(before, after, ordered.Select(c => c.Group).ToList()));
        }
    }

    /// <summary>
    /// The group's fall in percent of its earlier count when it is a collapse (count beyond the usual seasonal fall, weight
    /// and share), else null.
    /// </summary>
    private double? CollapseOf(UnitPeriod before, UnitPeriod after, string group, double seasonalPercent)
    {
        var was = before.Value(group)!.Value;
        var lost = was - after.Value(group)!.Value;
        if (was <= 0 || lost <= 0) return null;
        var fallPercent = 100 * lost / was;
        if (fallPercent - seasonalPercent < _thresholds.GroupFallPercent) return null;
        var participants = before.Value("cov_participants");
        if (participants is > 0 && 100 * lost / participants.Value < _thresholds.GroupFallMinPercentOfParticipants) return null;
        var shareBefore = before.Value(ContributorGroups.ShareCode(group));
        var shareAfter = after.Value(ContributorGroups.ShareCode(group));
        if (shareBefore is not null && shareAfter is not null && shareBefore - shareAfter < _thresholds.GroupShareFallPoints) return null;
        return fallPercent;
    }

    /// <summary>Consecutive periods of a series that both hold <paramref name="indicator"/>, never across the 2025 mapping seam.</summary>
    internal static IEnumerable<(UnitPeriod Before, UnitPeriod After)> Consecutive(List<UnitPeriod> periods, string indicator)
    {
        UnitPeriod? before = null;
        foreach (var period in periods.Where(p => p.Actual.ContainsKey(indicator)))
        {
            if (before is not null && before.End < period.Start && before.Actual[indicator].IsMapped == period.Actual[indicator].IsMapped)
                yield return (before, period);
            before = period;
        }
    }

    private static AnomalyFinding Finding(string kind, UnitPeriod period, string measure, double? value, double? expected, double score, string severity,
        string method, string explanation) =>
        new(kind, "unit", period.UnitCode, period.Label, period.Start, period.End, measure, value, expected, Math.Round(score, 2), severity,
            "coverage." + method, explanation) { UnitCode = period.UnitCode };

    /// <summary>
    /// A finding comes from the boundary set in force at its period (pre2025 before 1/7/2025, post2025 from then; the
    /// country is the same in both): a 2025 unit's mapped earlier periods repeat its predecessors' figures, whose own
    /// findings already tell the story, and a code reused across the reform yields one finding per (kind, unit, period).
    /// </summary>
    private static IEnumerable<AnomalyFinding> OnePerIdentity(List<(string BoundarySet, AnomalyFinding Finding)> findings) =>
        findings.Where(f => BoundarySets.InForce(f.BoundarySet, f.Finding.PeriodStart!.Value)).Select(f => f.Finding);

    private static bool InRange(AnomalyFinding finding, DetectionContext context) =>
        (context.From is null || finding.PeriodEnd >= context.From) && (context.To is null || finding.PeriodStart <= context.To);

    private static async Task<Dictionary<string, string>> GroupNamesAsync(DetectionContext context, CancellationToken ct)
    {
        await using var command = context.Connection.CreateCommand();
        command.CommandText = context.Engine.Sql("SELECT code, name_vi FROM rpt.indicators WHERE code LIKE 'grp%'");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }
}
