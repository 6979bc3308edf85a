namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>
/// One period of an anomaly's chart: the subject's value, what the detector expected, the band it considers normal
/// (<see cref="Lower"/> … <see cref="Upper"/>; a missing side is open), the period's target when one is stored, and whether
/// this is the flagged period.
/// </summary>
public sealed record BandPoint(DateTime At, string Label, double? Value, double? Expected, double? Lower, double? Upper, double? Target, bool Flagged);
