using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Derives <c>fund_revenue_vs_plan</c> (revenue / plan × 100) and <c>fund_spending_vs_budget</c> (care spending /
/// budget × 100) for every unit and period where both parts are current and the ratio itself was not reported.
/// Derived values carry <c>source_ref = 'derived'</c> and the submission that triggered them, and are recomputed
/// whenever a part changes; a reported ratio is never overwritten.
/// </summary>
public sealed class FundRatioDeriver(IWarehouseEngine engine)
{
    private const string Derived = "derived";

    private static readonly (string Ratio, string Part, string Whole)[] Ratios =
    [
        ("fund_revenue_vs_plan", "fund_revenue", "fund_revenue_plan"),
        ("fund_spending_vs_budget", "fund_kcb_spending", "fund_kcb_budget"),
    ];

    private sealed record Current(int UnitKey, int PeriodKey, string Code, string ValueKind, decimal Value, string? SourceRef);

    public async Task<int> DeriveAsync(DbConnection connection, DbTransaction transaction, long submissionId, CancellationToken ct)
    {
        var codes = Ratios.SelectMany(r => new[] { r.Ratio, r.Part, r.Whole }).ToList();
        var current = (await connection.QueryAsync<Current>(new CommandDefinition(engine.Sql("""
            SELECT v.unit_key AS UnitKey, v.period_key AS PeriodKey, i.code AS Code, v.value_kind AS ValueKind, v.value AS Value, v.source_ref AS SourceRef
            FROM dw.fct_indicator_value v
            JOIN dw.dim_indicator i ON i.indicator_key = v.indicator_key
            WHERE v.is_current = @current AND i.code IN @codes
              AND v.unit_key IN (SELECT DISTINCT unit_key FROM dw.fct_indicator_value WHERE submission_id = @submissionId)
            """), new { current = true, codes, submissionId }, transaction, cancellationToken: ct))).ToList();
        if (current.Count == 0) return 0;

        var derived = new List<(int Unit, int Period, string Code, string Kind, decimal Value)>();
        foreach (var cell in current.GroupBy(c => (c.UnitKey, c.PeriodKey, c.ValueKind)))
        {
            foreach (var (ratio, part, whole) in Ratios)
            {
                var p = cell.FirstOrDefault(c => c.Code == part);
                var w = cell.FirstOrDefault(c => c.Code == whole);
                var reported = cell.Any(c => c.Code == ratio && c.SourceRef != Derived);
                if (p is not null && w is not null && w.Value != 0 && !reported)
                    derived.Add((cell.Key.UnitKey, cell.Key.PeriodKey, ratio, cell.Key.ValueKind, Math.Round(p.Value / w.Value * 100m, 2)));
            }
        }

        var stale = current.Where(c => c.SourceRef == Derived).Select(c => new { c.UnitKey, c.PeriodKey, c.Code }).ToList();
        if (stale.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
                DELETE FROM dw.fct_indicator_value
                WHERE source_ref = 'derived' AND unit_key = @UnitKey AND period_key = @PeriodKey
                  AND indicator_key = (SELECT indicator_key FROM dw.dim_indicator WHERE code = @Code)
                """), stale, transaction, cancellationToken: ct));
        if (derived.Count == 0) return 0;

        var indicatorKeys = (await connection.QueryAsync<(string Code, int Key)>(new CommandDefinition(
            "SELECT code, indicator_key FROM dw.dim_indicator", transaction: transaction, cancellationToken: ct))).ToDictionary(r => r.Code, r => r.Key);
        var first = await engine.ReserveKeysAsync(connection, transaction, "dw.seq_value", derived.Count, ct);
        var now = DateTime.UtcNow;
        await engine.BulkInsertAsync(connection, transaction, "dw.fct_indicator_value", SubmissionStore.ValueColumns, derived.Select((d, i) => new object?[]
        {
            first + i, d.Unit, d.Period, indicatorKeys[d.Code], d.Kind, d.Value, "submission", Derived, submissionId,
            "tính từ " + string.Join(" / ", Ratios.Where(r => r.Ratio == d.Code).Select(r => $"{r.Part} / {r.Whole}")), null, true, null, now,
        }), ct);
        return derived.Count;
    }
}
