namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// The facility-months of one peer group in one month (same tier and ownership, or wider when that group is too small):
/// per feature, the sorted departures from own history and — built only when a month is looked at closely — the sorted
/// log levels and their robust spread, so a facility is compared with the others without itself.
/// </summary>
public sealed class PeerGroup
{
    /// <summary>How the group reads in a sentence: "các cơ sở cùng tuyến 3, công lập".</summary>
    public string Description { get; }

    private readonly IReadOnlyList<(double[] Logs, Expectation?[] Expected)> _members;
    private readonly double _minScale;
    private readonly double[][] _shifts;
    private readonly int[] _withValue;
    private readonly (double[] Sorted, double Scale)?[] _levels;

    public PeerGroup(string description, IReadOnlyList<(double[] Logs, Expectation?[] Expected)> members, double minScale)
    {
        Description = description;
        _members = members;
        _minScale = minScale;
        var features = FacilityFeature.All.Count;
        _shifts = new double[features][];
        _withValue = new int[features];
        _levels = new (double[], double)?[features];
        var shifts = new List<double>(members.Count);
        for (var f = 0; f < features; f++)
        {
            shifts.Clear();
            foreach (var (logs, expected) in members)
            {
                if (double.IsNaN(logs[f])) continue;
                _withValue[f]++;
                if (expected[f] is { } e) shifts.Add(logs[f] - e.Expected);
            }
            _shifts[f] = shifts.ToArray();
            Array.Sort(_shifts[f]);
        }
    }

    /// <summary>Other members with a value of the feature (a member's own value is counted in).</summary>
    public int Others(int feature) => _withValue[feature] - 1;

    /// <summary>Other members whose value departs from their own history that month.</summary>
    public int OthersWithHistory(int feature) => _shifts[feature].Length - 1;

    /// <summary>The median departure of the others from their own history (a shock they share: a season, a price change).</summary>
    public double Shift(int feature, double ownDeparture) => RobustStats.MedianWithout(_shifts[feature], ownDeparture);

    /// <summary>The others' median level and the member's robust z against the group.</summary>
    public (double Median, double Z) Level(int feature, double value)
    {
        var (sorted, scale) = _levels[feature] ??= Levels(feature);
        var median = RobustStats.MedianWithout(sorted, value);
        return (median, (value - median) / scale);
    }

    private (double[] Sorted, double Scale) Levels(int feature)
    {
        var sorted = _members.Select(m => m.Logs[feature]).Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(sorted);
        var scale = sorted.Length > 0 ? Math.Max(_minScale, RobustStats.ScaledMad(sorted, RobustStats.MedianOfSorted(sorted))) : double.NaN;
        return (sorted, scale);
    }
}
