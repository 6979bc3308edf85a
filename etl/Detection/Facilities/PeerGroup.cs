namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// The facility-months of one peer group in one month (same tier and ownership, or wider when that group is too small):
/// per feature, the sorted log levels and the sorted departures from own history, so a facility is compared with the
/// others without itself.
/// </summary>
public sealed class PeerGroup
{
    /// <summary>How the group reads in a sentence: "các cơ sở cùng tuyến 3, công lập".</summary>
    public string Description { get; }

    private readonly double[][] _levels;
    private readonly double[][] _shifts;
    private readonly double[] _levelScale;

    public PeerGroup(string description, IReadOnlyList<(double?[] Logs, Expectation?[] Expected)> members, double minScale)
    {
        Description = description;
        var features = FacilityFeature.All.Count;
        _levels = new double[features][];
        _shifts = new double[features][];
        _levelScale = new double[features];
        for (var f = 0; f < features; f++)
        {
            _levels[f] = members.Select(m => m.Logs[f]).OfType<double>().Order().ToArray();
            _shifts[f] = members.Select(m => m.Expected[f] is { } e && m.Logs[f] is { } x ? x - e.Expected : (double?)null).OfType<double>().Order().ToArray();
            _levelScale[f] = _levels[f].Length > 0
                ? Math.Max(minScale, RobustStats.ScaledMad(_levels[f], RobustStats.MedianOfSorted(_levels[f])))
                : double.NaN;
        }
    }

    /// <summary>Other members with a value of the feature (a member's own value is counted in).</summary>
    public int Others(int feature) => _levels[feature].Length - 1;

    /// <summary>Other members whose value departs from their own history that month.</summary>
    public int OthersWithHistory(int feature) => _shifts[feature].Length - 1;

    /// <summary>The median departure of the others from their own history (a shock they share: a season, a price change).</summary>
    public double Shift(int feature, double ownDeparture) => RobustStats.MedianWithout(_shifts[feature], ownDeparture);

    /// <summary>The others' median level and the member's robust z against the group.</summary>
    public (double Median, double Z) Level(int feature, double value)
    {
        var median = RobustStats.MedianWithout(_levels[feature], value);
        return (median, (value - median) / _levelScale[feature]);
    }
}
