using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Warehouse.Derived;

/// <summary>
/// The warehouse's derived series on a real DuckDB file, loaded through the import path: the catalog's ratios and the
/// 2025 mapping are stored as <c>source = 'derived'</c> with their derivation, recomputed when a part changes, and never
/// deleted (history kept). New Lâm Đồng (68, from 1/7/2025) = old Bình Thuận (60) + Đắk Nông (67) + Lâm Đồng (68).
/// </summary>
public sealed class DerivedSeriesTests
{
    private const string Header = "unit_code,unit_name,period,indicator,value,value_kind";

    private sealed record Row(string UnitCode, string BoundarySet, string PeriodLabel, string IndicatorCode, decimal Value, string Source,
        string? SourceRef, string? DerivedFrom, bool IsCurrent);

    private static async Task ImportAsync(TempWarehouse warehouse, string name, params string[] rows)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await File.WriteAllLinesAsync(path, [Header, .. rows]);
        var result = await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
        Assert.False(result.IsRejected, string.Join("; ", result.Issues.Select(i => i.Message)));
    }

    private static Task<List<Row>> HistoryAsync(TempWarehouse warehouse, string indicator) =>
        warehouse.Engine.QueryAsync<Row>("""
            SELECT unit_code AS UnitCode, boundary_set AS BoundarySet, period_label AS PeriodLabel, indicator_code AS IndicatorCode, value AS Value,
                   source AS Source, source_ref AS SourceRef, derived_from AS DerivedFrom, is_current AS IsCurrent
            FROM rpt.indicator_history WHERE indicator_code = @indicator
            ORDER BY boundary_set, unit_code, period_label, loaded_at
            """, new { indicator });

    [Fact]
    public async Task RefreshAsync_fund_ratio_is_derived_labelled_and_a_revised_part_keeps_the_old_value_in_history()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fund.csv", "68,,2024-03,fund_revenue,120 tỷ đồng,", "68,,2024-03,fund_revenue_plan,150 tỷ đồng,");

        await ImportAsync(warehouse, "fund-revised.csv", "68,,2024-03,fund_revenue,135 tỷ đồng,");

        var history = await HistoryAsync(warehouse, "fund_revenue_vs_plan");
        Assert.Equal(
        [
            new Row("68", "pre2025", "2024-03", "fund_revenue_vs_plan", 80m, "derived", "ratio", "reported", false),
            new Row("68", "pre2025", "2024-03", "fund_revenue_vs_plan", 90m, "derived", "ratio", "reported", true),
        ], history);
    }

    [Fact]
    public async Task RefreshAsync_an_unchanged_ratio_keeps_its_row_and_a_reported_ratio_retires_the_derived_one()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "a.csv", "672,,2023,cov_participants,220.000,", "672,,2023,cov_population,240.000,");
        await ImportAsync(warehouse, "b.csv", "672,,2023,cov_uninsured,20.000,");
        Assert.Single(await HistoryAsync(warehouse, "cov_rate"));

        await ImportAsync(warehouse, "c.csv", "672,,2023,cov_rate,\"91,6\",");

        var history = await HistoryAsync(warehouse, "cov_rate");
        Assert.Equal([("derived", false), ("submission", true)], history.Select(h => (h.Source, h.IsCurrent)));
        Assert.Equal(91.67m, history[0].Value);
    }

    [Fact]
    public async Task RefreshAsync_a_2025_unit_gets_its_earlier_years_only_when_every_predecessor_reported_and_its_rate_from_mapped_parts()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "a.csv",
            "60,,2023,cov_participants,1.100.000,", "60,,2023,cov_population,1.250.000,",
            "68,,2023,cov_participants,1.200.000,", "68,,2023,cov_population,1.330.000,", "68,,2023,cov_rate,\"90,23\",");
        Assert.Empty((await HistoryAsync(warehouse, "cov_participants")).Where(h => h.BoundarySet == "post2025"));

        await ImportAsync(warehouse, "b.csv", "67,,2023,cov_participants,600.000,", "67,,2023,cov_population,680.000,");

        var participants = (await HistoryAsync(warehouse, "cov_participants")).Single(h => h.BoundarySet == "post2025");
        Assert.Equal(new Row("68", "post2025", "2023", "cov_participants", 2_900_000m, "derived", "map2025", "reported", true), participants);
        var rate = (await HistoryAsync(warehouse, "cov_rate")).Single(h => h.BoundarySet == "post2025");
        Assert.Equal(("map2025+ratio", Math.Round(2_900_000m / 3_260_000m * 100, 2)), (rate.SourceRef, rate.Value));
        // Old Lâm Đồng's own reported rate stays its own.
        Assert.Contains(new Row("68", "pre2025", "2023", "cov_rate", 90.23m, "submission", null, null, true), await HistoryAsync(warehouse, "cov_rate"));
    }

    [Fact]
    public async Task RefreshAsync_a_predecessor_revision_updates_the_mapped_value_and_keeps_the_previous_one()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "a.csv", "60,,2023,cov_participants,1.100.000,", "67,,2023,cov_participants,600.000,", "68,,2023,cov_participants,1.200.000,");

        await ImportAsync(warehouse, "b.csv", "67,,2023,cov_participants,610.000,");

        var mapped = (await HistoryAsync(warehouse, "cov_participants")).Where(h => h.BoundarySet == "post2025").ToList();
        Assert.Equal([(2_900_000m, false), (2_910_000m, true)], mapped.Select(m => (m.Value, m.IsCurrent)));
    }
}
