using Bhyt.Tests.Support;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;
using Dapper;

namespace Bhyt.Tests.Warehouse.Schema;

/// <summary>
/// A warehouse filled under schema 5 (before derived values had their own source) and then migrated by <c>init</c>:
/// the old derived fund ratio is relabelled, and the derived series appear without reloading any file.
/// </summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task InitAsync_from_schema_5_relabels_old_derived_rows_and_derives_the_missing_series()
    {
        await using var warehouse = TempWarehouse.Empty();
        await new WarehouseInitializer(warehouse.Engine) { UpToVersion = 5 }.InitAsync(CancellationToken.None);
        await FillAsSchema5Async(warehouse);

        var report = await new WarehouseInitializer(warehouse.Engine).InitAsync(CancellationToken.None);

        Assert.Contains(report.Applied, s => s.Version == 6);
        var fund = await warehouse.Engine.QueryAsync<(string Source, string SourceRef, string DerivedFrom, decimal Value)>("""
            SELECT source, source_ref, derived_from, value FROM rpt.indicator_history WHERE indicator_code = 'fund_revenue_vs_plan'
            """);
        Assert.Equal([("derived", "ratio", "reported", 80m)], fund);
        var mapped = await warehouse.Engine.QueryAsync<(string Source, string SourceRef, decimal Value)>("""
            SELECT source, source_ref, value FROM rpt.indicator_values
            WHERE unit_code = '68' AND boundary_set = 'post2025' AND indicator_code = 'cov_participants' AND period_label = '2023'
            """);
        Assert.Equal([("derived", "map2025", 2_900_000m)], mapped);
    }

    private static async Task FillAsSchema5Async(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new AdminUnitLoader(warehouse.Engine).LoadAsync(connection, transaction, AdminUnitReference.BundledUnits(), AdminUnitReference.BundledLinks(),
                CancellationToken.None);
            await new PeriodStore(warehouse.Engine).EnsureAsync(connection, transaction, PeriodCalendar.Seed(), CancellationToken.None);
            await transaction.CommitAsync();
        }
        foreach (var (code, measure) in new[]
                 {
                     ("cov_participants", "stock"), ("cov_population", "stock"), ("cov_rate", "ratio"),
                     ("fund_revenue", "flow"), ("fund_revenue_plan", "flow"), ("fund_revenue_vs_plan", "ratio"),
                 })
            await connection.ExecuteAsync("""
                INSERT INTO dw.dim_indicator (indicator_key, code, annex, topic, name_vi, name_en, unit, measure, sum_of)
                VALUES (nextval('dw.seq_indicator'), $code, 4, 'coverage', $code, $code, 'persons', $measure, NULL)
                """, new { code, measure });
        await connection.ExecuteAsync("""
            INSERT INTO etl.submission VALUES (1, 'cu.csv', 'abc', 'submission', NULL, NULL, TIMESTAMP '2025-01-01 00:00:00', 'loaded', 6, 0, 0, NULL, NULL)
            """);
        var facts = new (string Unit, string Period, string Indicator, decimal Value, string? SourceRef)[]
        {
            ("60", "2023", "cov_participants", 1_100_000m, null), ("67", "2023", "cov_participants", 600_000m, null),
            ("68", "2023", "cov_participants", 1_200_000m, null),
            ("68", "2024-03", "fund_revenue", 120_000m, null), ("68", "2024-03", "fund_revenue_plan", 150_000m, null),
            ("68", "2024-03", "fund_revenue_vs_plan", 80m, "derived"),
        };
        foreach (var f in facts)
            await connection.ExecuteAsync("""
                INSERT INTO dw.fct_indicator_value (value_id, unit_key, period_key, indicator_key, value_kind, value, source, source_ref, submission_id,
                                                    source_location, source_text, is_current, superseded_by, loaded_at)
                SELECT nextval('dw.seq_value'), u.unit_key, p.period_key, i.indicator_key, 'actual', $value, 'submission', $ref, 1, NULL, NULL, true, NULL, TIMESTAMP '2025-01-01 00:00:00'
                FROM dw.dim_unit u, dw.dim_period p, dw.dim_indicator i
                WHERE u.unit_code = $unit AND u.boundary_set = 'pre2025' AND p.label = $period AND i.code = $indicator
                """, new { value = f.Value, @ref = f.SourceRef, unit = f.Unit, period = f.Period, indicator = f.Indicator });
    }
}
