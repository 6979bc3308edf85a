namespace Bhyt.Etl.Detection.Facilities;

/// <summary>What a facility's own history expects of a feature in one month (log scale) and how far it usually strays.</summary>
public readonly record struct Expectation(double Expected, double Scale);

/// <summary>
/// The facility's own expectation of a feature, month by month: the level of its recent months (median of the last
/// <see cref="FacilityThresholds.LevelMonths"/> before it) plus the seasonal departure of the same calendar month in
/// earlier years from the level before them, shrunk by n/(n+½) for n earlier years (a single earlier July is
/// partly noise, yet a facility's own recurring peak must mostly be expected: two thirds of it after one year; a season
/// every peer shares is also removed by the peer adjustment). The seasonal departure measured that way also carries the lag of a trailing
/// median behind a steady trend, so a trend is followed without being extrapolated. The scale is the robust spread (MAD) of the
/// facility's residuals in the months before (over its whole series while fewer than six are known), never below the
/// sampling noise of the month's observations: a jump of several months also throws the months after it and the same
/// season a year later off their expectations, and over the whole series those residuals would widen the spread until
/// the jump itself looked ordinary.
/// </summary>
public static class OwnHistory
{
    /// <summary>
    /// The sampling noise of a month compared with an expectation that is itself a median of a few noisy months plus a
    /// shrunk seasonal term: √(1 + π/2 ÷ 6 + ≈0.3) ≈ 1.25 times the month's own noise.
    /// </summary>
    private const double ExpectationNoise = 1.25;

    /// <summary>The least residuals a spread is measured from.</summary>
    private const int MinSpreadMonths = 6;

    public static Expectation?[] Expect(IReadOnlyList<FacilityMonth> series, FacilityFeature feature, FacilityThresholds t)
    {
        var logs = series.Select(m => RobustStats.Log(feature.Read(m))).ToArray();
        var levels = Levels(series, logs, t);
        var expected = Expected(series, logs, levels);
        var residuals = new (int Index, double Value)[series.Count];
        var count = 0;
        for (var i = 0; i < series.Count; i++)
            if (expected[i] is { } e && logs[i] is { } x) residuals[count++] = (i, x - e);
        double? Spread(IEnumerable<double> values)
        {
            var list = values.ToList();
            return list.Count >= MinSpreadMonths ? RobustStats.ScaledMad(list, RobustStats.Median(list)) : null;
        }
        var whole = Spread(residuals.Take(count).Select(r => r.Value));

        var result = new Expectation?[series.Count];
        var history = 0;
        for (var i = 0; i < series.Count; i++)
        {
            if (history >= t.MinHistoryMonths && expected[i] is { } e && logs[i] is not null)
            {
                var before = i;
                var spread = Spread(residuals.Take(count).Where(r => r.Index < before).Select(r => r.Value)) ?? whole;
                var scale = spread ?? RobustStats.ScaledMad(logs.Take(i).OfType<double>().TakeLast(t.LevelMonths).ToList(), levels[i]!.Value);
                result[i] = new Expectation(e, Math.Max(t.MinScale, Math.Max(scale, ExpectationNoise * feature.SamplingError(series[i]))));
            }
            if (logs[i] is not null) history++;
        }
        return result;
    }

    /// <summary>Level plus the shrunk median seasonal departure of the same month in up to three earlier years.</summary>
    private static double?[] Expected(IReadOnlyList<FacilityMonth> series, double?[] logs, double?[] levels)
    {
        var byMonth = new Dictionary<int, int>(series.Count);
        for (var i = 0; i < series.Count; i++) byMonth[series[i].MonthIndex] = i;
        var expected = new double?[series.Count];
        var seasonal = new List<double>(3);
        for (var i = 0; i < series.Count; i++)
        {
            if (levels[i] is not { } level) continue;
            seasonal.Clear();
            for (var k = 1; k <= 3; k++)
                if (byMonth.TryGetValue(series[i].MonthIndex - 12 * k, out var j) && logs[j] is { } past && levels[j] is { } pastLevel)
                    seasonal.Add(past - pastLevel);
            expected[i] = level + (seasonal.Count > 0 ? RobustStats.Median(seasonal) * seasonal.Count / (seasonal.Count + 0.5) : 0);
        }
        return expected;
    }

    private static double?[] Levels(IReadOnlyList<FacilityMonth> series, double?[] logs, FacilityThresholds t)
    {
        var levels = new double?[series.Count];
        var prior = new List<double>(t.LevelMonths);
        for (var i = 0; i < series.Count; i++)
        {
            prior.Clear();
            for (var j = i - 1; j >= 0 && prior.Count < t.LevelMonths && series[i].MonthIndex - series[j].MonthIndex <= 2 * t.LevelMonths; j--)
                if (logs[j] is { } v) prior.Add(v);
            levels[i] = prior.Count >= Math.Min(3, t.LevelMonths) ? RobustStats.Median(prior) : null;
        }
        return levels;
    }
}
