using System.Globalization;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// Claims whose cost is far beyond their peers' (same facility tier × visit type in the examined months), on ln(cost)
/// with the median and the median absolute deviation (MAD): robust to the few extreme claims being looked for. A stay of
/// several days is compared by its cost per treatment day (<see cref="ClaimRuleSql.CostBasis"/>): stays are priced by the
/// day, so a long stay at the usual daily cost is not an outlier while a short one billed like a long one is.
/// <list type="number">
/// <item>One pass counts claims per peer group and ln(cost) rounded to 0.001 (costs within 0.1 % share a bin): the
/// median and the MAD come exactly, at that resolution, from the cumulative counts of a few thousand bins — an
/// aggregate, never a windowed percentile over millions of claims, and the same SQL on both engines. The median cost
/// reported is the least cost in the median bin.</item>
/// <item>Per group, the least cost any rule could flag: median × e^max(threshold × σ, ln min_ratio), σ = 1.4826 × MAD but
/// never under <see cref="MinScale"/> (a group at one set fee has a MAD of 0 — a claim is then judged by its ratio).</item>
/// <item>One pass returns the claims at or above their group's cut, with their own facility's typical cost (geometric mean
/// of its other claims of the same visit type that month, <see cref="OwnTypical"/>); each is given the strongest rule it breaks — which also asks the claim to be
/// <c>min_ratio</c> times its own facility's typical cost: a facility billing everything dearer that month is a facility
/// cost jump, not a claim outlier.</item>
/// </list>
/// </summary>
internal sealed class CostPeers(ClaimRuleQuery query, IReadOnlyList<ClaimRule> ladder)
{
    /// <summary>The least spread of ln(cost) a group is scored with: 0.05 (a cost 5 % apart).</summary>
    public const double MinScale = 0.05;

    public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync()
    {
        var groups = (await PeersAsync()).Where(g => g.peers >= ladder.Min(r => r.MinPeers) && g.med_cost > 0).ToList();
        if (groups.Count == 0) return [];
        var cuts = groups.Select(g => (Group: g, Cut: ladder.Where(r => g.peers >= r.MinPeers).Min(r => (double)g.med_cost * Math.Exp(Excess(r, g))))).ToList();
        var parameters = new Dictionary<string, object>();
        for (var i = 0; i < cuts.Count; i++)
        {
            parameters[$"tier{i}"] = cuts[i].Group.tier;
            parameters[$"type{i}"] = cuts[i].Group.visit_type;
            parameters[$"cut{i}"] = Math.Round((decimal)Math.Min(cuts[i].Cut, 1e15), 2, MidpointRounding.ToNegativeInfinity);
        }
        var rows = await query.ListAsync<CostRow>(ClaimRuleSql.CostBeyondCut(query.Engine, cuts.Count, query.Months), parameters);
        var byGroup = groups.ToDictionary(g => (g.tier, g.visit_type));
        var findings = new List<AnomalyFinding>();
        foreach (var row in rows)
        {
            var peers = byGroup[(row.tier, row.visit_type)];
            var median = (double)peers.med_cost;
            var excess = Math.Log((double)row.cost_basis / median);
            var z = excess / Scale(peers);
            var ownRatio = OwnTypical(row) is { } own ? (double)row.cost_basis / own : double.PositiveInfinity;
            if (ladder.LastOrDefault(r => z >= r.Threshold && excess >= Math.Log(r.MinRatio) && ownRatio >= r.MinRatio && peers.peers >= r.MinPeers) is not { } rule) continue;
            findings.Add(ClaimRuleQuery.Finding(rule, "claim", row.claim_id, row, row.PerDay ? "cost_per_day" : "total_cost",
                (double)Math.Round(row.cost_basis), Math.Round(median), Math.Round(z, 2), new()
            {
                ["claim"] = row.claim_id, ["facility"] = row.facility_code, ["visit_type"] = ClaimText.VisitType(row.visit_type),
                ["tier"] = row.tier.ToString(CultureInfo.InvariantCulture), ["cost"] = ClaimText.Number(Math.Round(row.total_cost)),
                ["basis"] = row.PerDay ? $" cho {row.length_of_stay} ngày điều trị ({ClaimText.Number(Math.Round(row.cost_basis))} đồng/ngày)" : "",
                ["per"] = row.PerDay ? "/ngày" : "",
                ["median"] = ClaimText.Number(Math.Round(median)), ["ratio"] = ClaimText.Number(Math.Round((double)row.cost_basis / median, 1)),
                ["peers"] = ClaimText.Number((double)peers.peers), ["own_ratio"] = ClaimText.Number(Math.Round(ownRatio, 1)), ["z"] = ClaimText.Number(Math.Round(z, 1)),
                ["card"] = ClaimText.Card(row.card_pseudonym),
            }));
        }
        return findings;
    }

    /// <summary>The least other claims a facility's typical cost is taken from.</summary>
    public const int MinOwnClaims = 5;

    /// <summary>
    /// What the claim's own facility typically bills for the same visit type: the geometric mean cost basis of its other
    /// claims that month, or of every month when the month has fewer than <see cref="MinOwnClaims"/> others (a lone stay
    /// is never its own baseline); null when the facility has too few claims of that type to say.
    /// </summary>
    public static double? OwnTypical(CostRow row)
    {
        var self = Math.Log((double)row.cost_basis);
        if (row.month_n - 1 >= MinOwnClaims) return Math.Exp((row.month_ln - self) / (row.month_n - 1));
        if (row.all_n - 1 >= MinOwnClaims) return Math.Exp((row.all_ln - self) / (row.all_n - 1));
        return null;
    }

    private static double Scale(CostPeersRow peers) => Math.Max(1.4826 * peers.mad, MinScale);

    /// <summary>How far above the median, in ln(cost), a claim must be for <paramref name="rule"/>.</summary>
    private static double Excess(ClaimRule rule, CostPeersRow peers) => Math.Max(rule.Threshold * Scale(peers), Math.Log(rule.MinRatio));

    private Task<List<CostPeersRow>> PeersAsync() => query.ListAsync<CostPeersRow>(ClaimRuleSql.CostPeerStatistics(query.Engine, query.Months), new { });
}
