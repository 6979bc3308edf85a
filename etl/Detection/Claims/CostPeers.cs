using System.Globalization;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// Claims whose cost is far beyond what a claim like them costs, on ln(cost) with robust statistics, judged by two
/// yardsticks that must both agree:
/// <list type="number">
/// <item>its peers — claims of the same facility tier, visit type and length-of-stay band (<see cref="StayBand"/>) in the
/// examined months (<see cref="CostCells"/>): z_peer = (ln basis − median) / σ_band. A stay of several days is compared by
/// its cost per treatment day (<see cref="ClaimRuleSql.CostBasis"/>) among stays of about its length: a long stay at the
/// usual daily cost is not an outlier while a short one billed like a long one is;</item>
/// <item>its own facility — the facility's other claims of the same visit type that month, each net of its cell's
/// median (<see cref="OwnCosts"/>): z_own = (r − baseline) / (σ_w √(1 + 1/k)). Within one facility claims spread less
/// than across a tier (prices, case mix and habits differ between facilities), so a claim truly beyond its facility's
/// practice scores higher here than among all peers, while a facility that bills a whole month dearer (a facility cost
/// jump, a kind of its own) raises its baseline and leaves its claims unflagged.</item>
/// </list>
/// A rule is broken when both z reach its threshold and the claim costs at least <c>min_ratio</c> times both its peers'
/// median and its facility's baseline; the score is the lesser z. A claim whose facility has too few claims of its type
/// to give a baseline is judged by its peers alone. Three passes: the histogram of ln(cost basis) per cell, the residuals
/// per facility, visit type and month, and the claims at or above their cell's least flaggable cost.
/// </summary>
internal sealed class CostPeers(ClaimRuleQuery query, IReadOnlyList<ClaimRule> ladder)
{
    public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync()
    {
        var (cells, residuals) = await CaseMixResiduals.ForAsync(query, ladder.Min(r => r.MinPeers));
        if (cells.Count == 0) return [];
        var own = new OwnCosts(residuals);
        var rows = await query.ListAsync<CostRow>(ClaimRuleSql.CostBeyondCut(cells.Count, query.Months),
            Parameters(cells, "cut", c => Math.Round((decimal)Math.Min(Math.Exp(c.MedianLog + ladder.Min(r => Excess(r, c))), 1e15), 2, MidpointRounding.ToNegativeInfinity)));
        var byCell = cells.ToDictionary(c => c.Key, c => c.Value);
        var findings = new List<AnomalyFinding>();
        foreach (var row in rows)
            if (Judge(row, byCell[(row.tier, row.visit_type, row.band)], own) is { } finding) findings.Add(finding);
        return findings;
    }

    private AnomalyFinding? Judge(CostRow row, CostYardstick peers, OwnCosts own)
    {
        var excess = Math.Log((double)row.cost_basis) - peers.MedianLog;
        var z = excess / peers.Scale;
        var baseline = own.Baseline(row.facility_code, row.visit_type, row.month_key, Math.Min(excess, peers.Cap));
        var ownExcess = baseline is { } b ? excess - b.Mean : double.PositiveInfinity;
        var ownZ = baseline is { } c && own.Spread(row.tier, row.visit_type) is { } spread ? ownExcess / (spread * Math.Sqrt(1 + 1.0 / c.Count)) : double.PositiveInfinity;
        var score = Math.Min(z, ownZ);
        if (ladder.LastOrDefault(r => score >= r.Threshold && excess >= Math.Log(r.MinRatio) && ownExcess >= Math.Log(r.MinRatio) && peers.Peers >= r.MinPeers) is not { } rule)
            return null;
        var median = (double)peers.MedianCost;
        var per = row.PerDay ? "/ngày" : "";
        return ClaimRuleQuery.Finding(rule, "claim", row.claim_id, row, row.PerDay ? "cost_per_day" : "total_cost",
            (double)Math.Round(row.cost_basis), Math.Round(median), Math.Round(score, 2), new()
        {
            ["claim"] = row.claim_id, ["facility"] = row.facility_code, ["visit_type"] = ClaimText.VisitType(row.visit_type),
            ["tier"] = row.tier.ToString(CultureInfo.InvariantCulture), ["cost"] = ClaimText.Number(Math.Round(row.total_cost)),
            ["basis"] = row.PerDay ? $" cho {row.length_of_stay} ngày điều trị ({ClaimText.Number(Math.Round(row.cost_basis))} đồng/ngày)" : "",
            ["per"] = per, ["band"] = peers.Band is { } band && (band > 1 || row.visit_type != "exam") ? $", cùng thời gian điều trị {StayBand.Text(band)}" : "",
            ["median"] = ClaimText.Number(Math.Round(median)), ["ratio"] = ClaimText.Number(Math.Round((double)row.cost_basis / median, 1)),
            ["peers"] = ClaimText.Number((double)peers.Peers), ["z"] = ClaimText.Number(Math.Round(z, 1)),
            ["own_ratio"] = baseline is null ? "—" : ClaimText.Number(Math.Round(Math.Exp(ownExcess), 1)),
            ["own_typical"] = baseline is { } t ? ClaimText.Number(Math.Round(Math.Exp(peers.MedianLog + t.Mean) / 100) * 100) + " đồng" + per : "chưa đủ hồ sơ để tính",
            ["own_z"] = double.IsFinite(ownZ) ? ClaimText.Number(Math.Round(ownZ, 1)) : "—",
            ["own_when"] = baseline is { SameMonth: true } ? "trong tháng" : "qua các tháng",
            ["card"] = ClaimText.Card(row.card_pseudonym),
        });
    }

    /// <summary>The cells as <c>@tierN, @typeN, @bandN</c> and one more value per cell named <paramref name="name"/>N.</summary>
    private static Dictionary<string, object> Parameters<T>(List<KeyValuePair<(int Tier, string VisitType, int Band), CostYardstick>> cells, string name, Func<CostYardstick, T> value)
    {
        var parameters = new Dictionary<string, object>();
        for (var i = 0; i < cells.Count; i++)
        {
            parameters[$"tier{i}"] = cells[i].Key.Tier;
            parameters[$"type{i}"] = cells[i].Key.VisitType;
            parameters[$"band{i}"] = cells[i].Key.Band;
            parameters[$"{name}{i}"] = value(cells[i].Value)!;
        }
        return parameters;
    }

    /// <summary>How far above the median, in ln(cost), a claim must be for <paramref name="rule"/>.</summary>
    private static double Excess(ClaimRule rule, CostYardstick peers) => Math.Max(rule.Threshold * peers.Scale, Math.Log(rule.MinRatio));
}
