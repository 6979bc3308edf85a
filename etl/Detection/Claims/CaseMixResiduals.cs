using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// The claims' cost yardsticks (<see cref="CostCells"/>) and their residuals per facility, visit type and month
/// (<see cref="ClaimRuleSql.CostResiduals"/>): what the claim cost rule and the facilities' case-mix cost index
/// (<see cref="Facilities.CaseMixIndex"/>) both read. Two passes over every claim, taken once per detection run: kept
/// beside the run's connection (a run opens its own) for a detection over every month — one restricted to some months
/// (<c>--from</c>/<c>--to</c>) compares its claims with those months' peers and computes its own.
/// </summary>
internal sealed record CaseMixResiduals(List<KeyValuePair<(int Tier, string VisitType, int Band), CostYardstick>> Cells, List<FacilityCostRow> Rows)
{
    private static readonly ConditionalWeakTable<DbConnection, ConcurrentDictionary<int, Task<CaseMixResiduals>>> Runs = new();

    /// <summary>The yardsticks (cells of at least <paramref name="minPeers"/> claims) and residuals of the query's months.</summary>
    public static Task<CaseMixResiduals> ForAsync(ClaimRuleQuery query, int minPeers) =>
        query.Months is { From: false, To: false }
            ? Runs.GetOrCreateValue(query.Connection).GetOrAdd(minPeers, _ => ComputeAsync(query, minPeers))
            : ComputeAsync(query, minPeers);

    private static async Task<CaseMixResiduals> ComputeAsync(ClaimRuleQuery query, int minPeers)
    {
        var histogram = await query.ListAsync<CostHistogramRow>(ClaimRuleSql.CostHistogram(query.Engine, query.Months), new { });
        var cells = CostCells.Build(histogram, minPeers).Where(c => c.Value.MedianCost > 0).ToList();
        if (cells.Count == 0) return new CaseMixResiduals(cells, []);
        var parameters = new Dictionary<string, object>();
        for (var i = 0; i < cells.Count; i++)
        {
            parameters[$"tier{i}"] = cells[i].Key.Tier;
            parameters[$"type{i}"] = cells[i].Key.VisitType;
            parameters[$"band{i}"] = cells[i].Key.Band;
            parameters[$"med{i}"] = cells[i].Value.MedianLog;
            parameters[$"cap{i}"] = cells[i].Value.Cap;
        }
        return new CaseMixResiduals(cells, await query.ListAsync<FacilityCostRow>(ClaimRuleSql.CostResiduals(query.Engine, cells.Count), parameters));
    }
}
