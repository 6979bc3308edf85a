using Bhyt.Etl.Detection.Claims;
using Dapper;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// Attaches to each facility-month the case-mix cost index: per claim, ln(cost basis) minus the median of the claims of
/// the same tier, visit type and length-of-stay band (the yardsticks of the claim cost rule, <see cref="CostCells"/>,
/// over every month), held within ± <see cref="CostCells.ResidualCap"/> of the cell's spreads (one extreme claim is a
/// claim outlier, not a dearer month), summed with its square over the facility's month. Its mean is how dear the facility's claims are
/// for what they are; its spread gives the standard error of that mean from the claims' own count.
/// </summary>
public static class CaseMixIndex
{
    /// <summary>The least claims of a tier × visit type (and of a band, to stand alone) a yardstick is taken from.</summary>
    private const int MinPeers = 30;

    public static async Task AttachAsync(DetectionContext context, IReadOnlyList<FacilityMonth> months, CancellationToken ct)
    {
        if (months.Count == 0) return;
        var query = new ClaimRuleQuery(context with { From = null, To = null }, ct);
        var (cells, residuals) = await CaseMixResiduals.ForAsync(query, MinPeers);
        if (cells.Count == 0) return;
        var starts = (await context.Connection.QueryAsync<(int Key, DateTime Start)>(new CommandDefinition(
            context.Engine.Sql("SELECT period_key, start_date FROM dw.dim_period WHERE period_key IN @keys"),
            new { keys = residuals.Select(r => r.month_key).Distinct().ToList() }, cancellationToken: ct))).ToDictionary(p => p.Key, p => p.Start);
        var byMonth = months.ToDictionary(m => (m.facility_code, m.period_start));
        foreach (var row in residuals)
        {
            if (!starts.TryGetValue(row.month_key, out var start) || !byMonth.TryGetValue((row.facility_code, start), out var month)) continue;
            month.case_mix_costed += row.n;
            month.case_mix_log += row.s;
            month.case_mix_squares += row.ss;
        }
    }
}
