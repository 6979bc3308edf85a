using System.Globalization;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// Facility-month profiles (<see cref="FacilityFeature.All"/>) compared, on the log scale with robust statistics, with
/// (a) the facility's own seasonal history net of what its peers did that month and (b) the level of its peers of the
/// same tier and ownership that month, and scored together by a PCA model (<see cref="ProfileModel"/>). A month is a
/// <c>facility_cost_jump</c> when a cost or composition feature rises beyond <see cref="FacilityThresholds.OwnZ"/> against
/// its own history by a minimum effect, confirmed by its peers or by the model — or rises beyond
/// <see cref="FacilityThresholds.SupportZ"/> in two adjacent months. A new facility's first year, a closing
/// facility's last months, tiny or collapsing months and a seasonal peak every peer shares are not flagged. One finding
/// per facility and month.
/// </summary>
public sealed class FacilityProfileDetector(FacilityThresholds? thresholds = null) : IDetector
{
    private readonly FacilityThresholds _t = thresholds ?? FacilityThresholds.Default;

    public string Name => "facilities.profile";

    public IReadOnlyCollection<string> Kinds { get; } = [AnomalyKinds.FacilityCostJump];

    public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct)
    {
        var rows = await FacilityMonthStore.LoadAsync(context.Engine, context.Connection, ct);
        await CaseMixIndex.AttachAsync(context, rows, ct);
        return Detect(rows).Where(f => (context.From is null || f.PeriodEnd >= context.From) && (context.To is null || f.PeriodStart <= context.To)).ToList();
    }

    public IReadOnlyList<AnomalyFinding> Detect(IReadOnlyList<FacilityMonth> rows)
    {
        var months = new FacilityProfiles(_t).Build(rows);
        var model = ProfileModel.Train(months, _t);
        var byMonth = months.ToDictionary(m => (m.Month.facility_code, m.Month.MonthIndex));
        var findings = new List<AnomalyFinding>();
        foreach (var month in months)
        {
            if (month.Deviations is null) continue;
            var rises = month.Deviations.OfType<FeatureDeviation>().Where(d => _t.IsSustainableRise(d.Feature, month.Month, d.Value, d.Expected, d.OwnZ)).ToList();
            if (rises.Count == 0) continue;
            var large = rises.Where(d => d.Feature.SingleMonth && _t.IsLargeRise(d.Feature, month.Month, d.Value, d.Expected, d.OwnZ)).ToList();
            var score = model?.Score(month, _t);
            var trigger = large.FirstOrDefault(d => d.PeerZ >= _t.PeerZ) ?? large.FirstOrDefault(d => ModelConfirms(d, score))
                ?? rises.FirstOrDefault(d => Persists(month, d, byMonth));
            if (trigger is null) continue;
            findings.Add(Finding(month, trigger, score));
        }
        return findings.OrderBy(f => f.SubjectCode, StringComparer.Ordinal).ThenBy(f => f.PeriodStart).ToList();
    }

    /// <summary>
    /// The rise is sustained: the month before or after shows the same feature risen too (own z at least
    /// <see cref="FacilityThresholds.SupportZ"/>, as this one). A facility that bills dearer for months is a jump even while it
    /// stays within its peers' range (a cheap district centre doubling its cost per visit); two noisy months side by side are rare.
    /// </summary>
    private bool Persists(ProfiledMonth month, FeatureDeviation d, Dictionary<(string, int), ProfiledMonth> byMonth)
    {
        var f = FacilityFeature.Index(d.Feature);
        foreach (var step in (ReadOnlySpan<int>)[-1, 1])
            if (byMonth.TryGetValue((month.Month.facility_code, month.Month.MonthIndex + step), out var neighbour) && neighbour.OwnZ[f] >= _t.SupportZ)
                return true;
        return false;
    }

    /// <summary>The month is among the model's most unusual and the feature is among the top contributors to its residual.</summary>
    private bool ModelConfirms(FeatureDeviation d, ProfileScore? score) =>
        score is not null && score.Quantile >= _t.PcaQuantile && score.Shares.Take(_t.TopContributors).Any(s => s.Feature == d.Feature);

    private AnomalyFinding Finding(ProfiledMonth month, FeatureDeviation trigger, ProfileScore? score)
    {
        var m = month.Month;
        var change = trigger.RelativeChange;
        var severity = change >= _t.HighChange ? AnomalyFinding.High : change >= _t.MediumChange ? AnomalyFinding.Medium : AnomalyFinding.Low;
        var method = string.Create(CultureInfo.InvariantCulture,
            $"profile+pca(own_z={trigger.OwnZ:0.0},peer_z={trigger.PeerZ ?? double.NaN:0.0},pca_q={score?.Quantile ?? double.NaN:0.000})");
        var support = month.Deviations!.OfType<FeatureDeviation>()
            .Where(d => d.Feature != trigger.Feature && d.Feature.InPca && Math.Abs(d.OwnZ) >= _t.SupportZ && Math.Abs(d.RelativeChange) >= 0.1)
            .OrderByDescending(d => score?.Shares.FirstOrDefault(s => s.Feature == d.Feature)?.Share ?? Math.Abs(d.OwnZ))
            .Take(_t.TopContributors).ToList();
        return new AnomalyFinding(AnomalyKinds.FacilityCostJump, "facility", m.facility_code, m.period_label,
            DateOnly.FromDateTime(m.period_start), DateOnly.FromDateTime(m.period_end), trigger.Feature.Code,
            Math.Round(Math.Exp(trigger.Value), 4), Math.Round(Math.Exp(trigger.Expected), 4), Math.Round(trigger.OwnZ, 2), severity, method,
            FacilityExplanation.Sentence(m, trigger, support, score, _t.TopContributors))
        {
            UnitCode = m.unit_code, FacilityCode = m.facility_code,
        };
    }
}
