namespace Bhyt.Etl.Generation;

/// <summary>A contributor group of one commune losing members over a span of months (some re-enrolling as households).</summary>
public sealed record CoverageEvent(string UnitCode, DateOnly From, DateOnly Until, CoverageGroup Group, double LostShare, double ReenrolledShare)
{
    public bool Covers(string unitCode, DateOnly month) => unitCode == UnitCode && month >= From && month <= Until;
}
