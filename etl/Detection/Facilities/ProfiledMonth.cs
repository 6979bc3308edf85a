namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// A feature's departure in one facility-month, on the log scale: the value; what the facility's own seasonal history
/// expects, shifted by the median departure of its peers from their own histories that month (a shock every peer shares
/// is not the facility's); the robust z of the value against that; and the peers' median level, the z against it and
/// which peers they are (<see cref="PeerGroup.Description"/>).
/// </summary>
public sealed record FeatureDeviation(
    FacilityFeature Feature, double Value, double Expected, double OwnZ, double? PeerMedian, double? PeerZ, string? Peers)
{
    /// <summary>Value ÷ expected − 1.</summary>
    public double RelativeChange => Math.Exp(Value - Expected) - 1;

    /// <summary>Value − expected in the feature's own unit (percentage points ÷ 100 for a share).</summary>
    public double AbsoluteChange => Math.Exp(Value) - Math.Exp(Expected);
}

/// <summary>
/// A facility-month with enough history to be compared: the peer-adjusted own z of each feature, indexed as
/// <see cref="FacilityFeature.All"/> (NaN where a feature has no value or no expectation), whether it may be flagged at
/// all (not a new facility's first year, not a closing facility's run-down) and — only for a flaggable month where a
/// triggering feature rose beyond the thresholds — the full deviations (null elsewhere: a national scan keeps half a
/// million months, of which a few hundred are looked at closely).
/// </summary>
public sealed record ProfiledMonth(FacilityMonth Month, float[] OwnZ, FeatureDeviation?[]? Deviations, bool Flaggable);
