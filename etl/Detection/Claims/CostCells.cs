namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// The yardstick of one kind of claim — its peers: how many, the median ln(cost basis), the least cost in the median bin
/// (what an explanation names), the robust spread σ of ln(cost basis) and, when the claims of its length-of-stay band
/// were too few to stand alone, no band (the tier × visit type's yardstick stands in).
/// </summary>
internal sealed record CostYardstick(int Tier, string VisitType, int? Band, long Peers, double MedianLog, decimal MedianCost, double Scale)
{
    /// <summary>
    /// How far from the median a residual counts when a facility's level is measured: <see cref="CostCells.ResidualCap"/> σ,
    /// or a factor of <see cref="CostCells.ResidualCap"/> where the spread is tiny (claims at a set fee plus a few drugs
    /// are the facility's ordinary variation, not extremes).
    /// </summary>
    public double Cap => Math.Max(CostCells.ResidualCap * Scale, Math.Log(CostCells.ResidualCap));
}

/// <summary>
/// The yardsticks of every tier × visit type × length-of-stay band (<see cref="StayBand"/>), from the histogram of
/// ln(cost basis) (<see cref="ClaimRuleSql.CostHistogram"/>): the median and σ = 1.4826 × MAD, never under
/// <see cref="MinScale"/> (a group at one set fee has a MAD of 0 — a claim is then judged by its ratio). A band's own
/// spread rests on few claims when the band is thin, so it is shrunk towards its tier × visit type's:
/// σ² = (n σ_band² + k σ_group²) / (n + k), k = the least peers a comparison needs; a band with fewer claims than that
/// is judged by its tier × visit type's yardstick whole.
/// </summary>
internal static class CostCells
{
    /// <summary>The least spread of ln(cost) a group is scored with: 0.05 (a cost 5 % apart).</summary>
    public const double MinScale = 0.05;

    /// <summary>Residuals are held within ± this many of their cell's spreads (or this factor) where facilities' levels are measured.</summary>
    public const double ResidualCap = 3;

    /// <summary>One yardstick per (tier, visit type, band) present; only groups with at least <paramref name="minPeers"/> claims.</summary>
    public static Dictionary<(int Tier, string VisitType, int Band), CostYardstick> Build(IEnumerable<CostHistogramRow> histogram, int minPeers)
    {
        var result = new Dictionary<(int, string, int), CostYardstick>();
        foreach (var group in histogram.GroupBy(h => (h.tier, h.visit_type)))
        {
            var rows = group.ToList();
            var whole = Yardstick(group.Key.tier, group.Key.visit_type, null, rows);
            if (whole.Peers < minPeers) continue;
            foreach (var band in rows.GroupBy(r => r.band))
            {
                var own = Yardstick(group.Key.tier, group.Key.visit_type, band.Key, band.ToList());
                result[(group.Key.tier, group.Key.visit_type, band.Key)] = own.Peers < minPeers ? whole : own with
                {
                    Scale = Math.Max(MinScale, Math.Sqrt((own.Peers * own.Scale * own.Scale + minPeers * whole.Scale * whole.Scale) / (own.Peers + minPeers))),
                };
            }
        }
        return result;
    }

    /// <summary>Median and scaled MAD of the claims in <paramref name="rows"/> (bins of one cell or of several merged).</summary>
    private static CostYardstick Yardstick(int tier, string visitType, int? band, List<CostHistogramRow> rows)
    {
        var bins = rows.GroupBy(r => r.bin).Select(g => (Bin: g.Key, N: g.Sum(r => r.n), Low: g.Min(r => r.low))).OrderBy(b => b.Bin).ToList();
        var peers = bins.Sum(b => b.N);
        var median = bins[MedianIndex(bins.Select(b => b.N).ToList(), peers)];
        var deviations = bins.Select(b => (Dev: Math.Abs(b.Bin - median.Bin), b.N)).OrderBy(d => d.Dev).ToList();
        var mad = deviations[MedianIndex(deviations.Select(d => d.N).ToList(), peers)].Dev;
        return new CostYardstick(tier, visitType, band, peers, median.Bin, median.Low, Math.Max(Facilities.RobustStats.MadScale * mad, MinScale));
    }

    /// <summary>The first position where the cumulative count reaches half the total.</summary>
    private static int MedianIndex(List<long> counts, long total)
    {
        long below = 0;
        for (var i = 0; i < counts.Count; i++)
            if (2 * (below += counts[i]) >= total) return i;
        return counts.Count - 1;
    }
}
