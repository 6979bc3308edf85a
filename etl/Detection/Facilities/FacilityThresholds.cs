namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// The settings of <see cref="FacilityProfileDetector"/>. Robust z-scores are on the log scale (a ratio to the expected value);
/// a cost feature is flagged when it departs upward from the facility's own seasonal history by <see cref="OwnZ"/> and from
/// the median of its peers (same tier and ownership, same month) by <see cref="PeerZ"/>.
/// </summary>
public sealed record FacilityThresholds(
    double OwnZ = 3.5, double PeerZ = 2.0, int MinClaims = 20, int MinHistoryMonths = 6, int LevelMonths = 6,
    int MinPeers = 3, double MinScale = 0.05, double ClosingShare = 0.25, double MinRelativeChange = 0.2,
    double SupportZ = 2.0, double MediumScore = 4.0, double HighScore = 6.0)
{
    public static FacilityThresholds Default { get; } = new();
}
