namespace Bhyt.Etl.Detection;

/// <summary>
/// The detectors <c>bhyt detect</c> (and the scheduler) runs, in this order: one line per detector. A detector reports the
/// kinds of <see cref="AnomalyKinds"/>; it reads the warehouse through the <see cref="DetectionContext"/> and never writes.
/// </summary>
public static class Detectors
{
    public static IReadOnlyList<IDetector> All { get; } =
    [
        new Claims.ClaimRulesDetector(),
        new Coverage.CoverageDetector(),
        new Fund.FundDetector(),
        new Facilities.FacilityProfileDetector(),
    ];
}
