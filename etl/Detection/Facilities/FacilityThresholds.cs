namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// The settings of <see cref="FacilityProfileDetector"/>. Robust z-scores are on the log scale (a ratio to the expected
/// value). A feature that can trigger departs upward from the facility's own seasonal history, net of what its peers did
/// that month, by <see cref="OwnZ"/>, by at least <see cref="MinRelativeChange"/> (and <see cref="MinShareChange"/> for a
/// share), and is confirmed either by its level against the peers' median (<see cref="PeerZ"/>) or by the multivariate
/// model (reconstruction error beyond the <see cref="PcaQuantile"/> of all facility-months, the feature among its top
/// contributors) — or it rises by <see cref="SupportZ"/> in two adjacent months (a sustained jump). A month enters a
/// facility's series from <see cref="MinClaims"/> claims: its features' scales already carry the sampling error of that
/// few claims, so a ten-claim district centre is judged on its own noise rather than dropped. A single month's rise of a
/// feature whose noise is only roughly known (typical costs, shares) must still rest on <see cref="MinTriggerObservations"/>
/// claims; the case-mix cost index, whose standard error comes from the claims' own spread, triggers only when sustained
/// (<see cref="FacilityFeature.SingleMonth"/>) and has no such floor.
/// </summary>
public sealed record FacilityThresholds(
    double OwnZ = 3.5, double PeerZ = 2.0, double MinRelativeChange = 0.2, double MinShareChange = 0.05,
    int MinClaims = 5, int MinTriggerObservations = 10, int MinHistoryMonths = 6, int LevelMonths = 6, int NewFacilityMonths = 12, int ClosingMonths = 6,
    double CollapseShare = 0.5, int MinPeers = 3, double MinScale = 0.03,
    int PcaRank = 3, int PcaSeed = 16, double PcaQuantile = 0.99, double ZClamp = 10, double TrainZ = 3.0, int TopContributors = 2,
    double SupportZ = 2.5, double MediumChange = 0.3, double HighChange = 0.5)
{
    public static FacilityThresholds Default { get; } = new();

    /// <summary>
    /// A triggering feature — a single-month one resting on at least <see cref="MinTriggerObservations"/> claims (three stays in a commune
    /// station are noise) — risen (log <paramref name="value"/> against <paramref name="expected"/>) beyond the own-history
    /// threshold by at least the minimum effect.
    /// </summary>
    public bool IsLargeRise(FacilityFeature feature, FacilityMonth month, double value, double expected, double ownZ) =>
        IsRise(feature, month, value, expected, ownZ, OwnZ);

    /// <summary>
    /// As <see cref="IsLargeRise"/> at <see cref="SupportZ"/>: a rise that is a jump when the month before or after rose
    /// as well (two such months by chance are rarer than one month beyond <see cref="OwnZ"/>).
    /// </summary>
    public bool IsSustainableRise(FacilityFeature feature, FacilityMonth month, double value, double expected, double ownZ) =>
        IsRise(feature, month, value, expected, ownZ, SupportZ);

    private bool IsRise(FacilityFeature feature, FacilityMonth month, double value, double expected, double ownZ, double threshold) =>
        feature.Triggers && (!feature.SingleMonth || feature.Observations(month) >= MinTriggerObservations) && ownZ >= threshold && Math.Exp(value - expected) - 1 >= MinRelativeChange
        && (!feature.IsShare || Math.Exp(value) - Math.Exp(expected) >= MinShareChange);
}
