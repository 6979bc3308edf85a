namespace Bhyt.Etl.Detection.Facilities;

/// <summary>Median, scaled MAD and a log that keeps a zero share comparable, for the facility profiles.</summary>
public static class RobustStats
{
    /// <summary>1.4826 × MAD estimates the standard deviation of normal data.</summary>
    public const double MadScale = 1.4826;

    public static double Median(IReadOnlyList<double> values)
    {
        var s = new double[values.Count];
        for (var i = 0; i < s.Length; i++) s[i] = values[i];
        Array.Sort(s);
        return s.Length == 0 ? double.NaN : MedianOfSorted(s);
    }

    public static double MedianOfSorted(IReadOnlyList<double> s) =>
        s.Count == 0 ? double.NaN : s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;

    /// <summary>The median of a sorted list without one of its values (a facility compared with its peers, not with itself).</summary>
    public static double MedianWithout(double[] sorted, double value)
    {
        var n = sorted.Length - 1;
        if (n <= 0) return double.NaN;
        var at = Array.BinarySearch(sorted, value);
        if (at < 0) return MedianOfSorted(sorted);
        double Item(int k) => sorted[k < at ? k : k + 1];
        return n % 2 == 1 ? Item(n / 2) : (Item(n / 2 - 1) + Item(n / 2)) / 2;
    }

    public static double ScaledMad(IReadOnlyList<double> values, double median)
    {
        var deviations = new double[values.Count];
        for (var i = 0; i < deviations.Length; i++) deviations[i] = Math.Abs(values[i] - median);
        Array.Sort(deviations);
        return MadScale * MedianOfSorted(deviations);
    }

    /// <summary>The log of a positive value; a zero becomes log(0.001) so that a share that falls to nothing still compares.</summary>
    public static double? Log(double? v) => v is { } x && x > 0 ? Math.Log(x) : v is 0 ? Math.Log(1e-3) : null;
}
