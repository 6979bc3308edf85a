using Bhyt.Warehouse.Queries;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Dashboard.Tests.Queries;

/// <summary>
/// The pages' figure queries on a real DuckDB warehouse: own values by boundary set, 2025 units mapped from their
/// predecessors (new Lâm Đồng 68 = old Bình Thuận 60 + Đắk Nông 67 + Lâm Đồng 68), superseded values in the history.
/// </summary>
public sealed class IndicatorQueriesTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-dash-q-").FullName;
    private IWarehouseEngine _engine = default!;
    private ReportingDb _db = default!;
    private UnitCatalog _units = default!;
    private IndicatorQueries _queries = default!;

    private static readonly Selection Pre = Selection.Default with { From = 2021, To = 2024 };
    private static readonly Selection Post = Pre with { Set = BoundarySets.Post2025 };

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        // 2023: all three predecessors reported; 2022: Đắk Nông (67) did not.
        await ImportAsync("a.csv",
            "60,,2023,cov_participants,1.100.000,", "60,,2023,cov_population,1.250.000,",
            "67,,2023,cov_participants,600.000,", "67,,2023,cov_population,680.000,",
            "68,,2023,cov_participants,1.200.000,", "68,,2023,cov_population,1.330.000,", "68,,2023,cov_rate,\"90,23\",",
            "60,,2022,cov_participants,1.050.000,", "68,,2022,cov_participants,1.150.000,");
        _db = new ReportingDb(_engine);
        _units = new UnitCatalog(_db);
        _queries = new IndicatorQueries(_db, _units);
    }

    private async Task ImportAsync(string name, params string[] rows)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllLinesAsync(path, ["unit_code,unit_name,period,indicator,value,value_kind", .. rows]);
        var service = await ImportService.CreateAsync(_engine, CancellationToken.None);
        var result = await service.ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
        Assert.False(result.IsRejected, string.Join("; ", result.Issues.Select(i => i.Message)));
    }

    public async ValueTask DisposeAsync()
    {
        _db.Dispose();
        await Task.Delay(10);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<UnitInfo> UnitAsync(Selection selection, string code) =>
        await _units.FindAsync(selection.Set, code, CancellationToken.None) ?? throw new InvalidOperationException(code);

    [Fact]
    public async Task ForUnitAsync_pre2025_returns_the_old_units_own_values_unmapped()
    {
        var figures = await _queries.ForUnitAsync(await UnitAsync(Pre, "68"), Pre, ["cov_participants", "cov_rate"], CancellationToken.None);

        Assert.All(figures, f => Assert.False(f.Figure.IsMapped));
        Assert.Equal([("cov_participants", "2022", 1_150_000d), ("cov_participants", "2023", 1_200_000d), ("cov_rate", "2023", 90.23)],
            figures.Select(f => (f.Figure.Indicator, f.Figure.PeriodLabel, f.Figure.Value)).Order());
    }

    [Fact]
    public async Task ForUnitAsync_post2025_sums_complete_predecessors_and_recomputes_the_rate()
    {
        var figures = await _queries.ForUnitAsync(await UnitAsync(Post, "68"), Post, ["cov_participants", "cov_population", "cov_rate"], CancellationToken.None);

        // Old Lâm Đồng's own 2023 values are not new Lâm Đồng's: every figure before the reform is mapped.
        Assert.All(figures, f => Assert.True(f.Figure.IsMapped, $"{f.Figure.Indicator} {f.Figure.PeriodLabel} not mapped"));
        var byCode = figures.Where(f => f.Figure.PeriodLabel == "2023").ToDictionary(f => f.Figure.Indicator, f => f.Figure.Value);
        Assert.Equal(2_900_000d, byCode["cov_participants"]);
        Assert.Equal(3_260_000d, byCode["cov_population"]);
        Assert.Equal(Math.Round(2_900_000d / 3_260_000 * 100, 2), byCode["cov_rate"]);
        // 2022 lacks Đắk Nông: no partial sum that would read as a fall.
        Assert.DoesNotContain(figures, f => f.Figure.PeriodLabel == "2022");
    }

    [Fact]
    public async Task ForChildrenAsync_lists_the_provinces_of_the_chosen_set()
    {
        var country = await UnitAsync(Pre, BoundarySets.CountryCode);

        var pre = await _queries.ForChildrenAsync(country, Pre, ["cov_participants"], CancellationToken.None);
        var post = await _queries.ForChildrenAsync(await UnitAsync(Post, BoundarySets.CountryCode), Post, ["cov_participants"], CancellationToken.None);

        Assert.Equal(["60", "60", "67", "68", "68"], pre.Select(f => f.UnitCode).Order());
        var mapped = Assert.Single(post);
        Assert.Equal(("68", "2023", 2_900_000d, true), (mapped.UnitCode, mapped.Figure.PeriodLabel, mapped.Figure.Value, mapped.Figure.IsMapped));
    }

    [Fact]
    public async Task HistoryAsync_keeps_a_superseded_value_beside_the_current_one_with_its_file()
    {
        await ImportAsync("b.csv", "68,,2023,cov_participants,1.210.000,");
        var history = new HistoryQueries(_db);

        var values = await history.ForUnitAsync(await UnitAsync(Pre, "68"), Pre, ["cov_participants"], CancellationToken.None);

        Assert.Equal([("2022", 1_150_000d, "a.csv", true), ("2023", 1_200_000d, "a.csv", false), ("2023", 1_210_000d, "b.csv", true)],
            values.Select(v => (v.PeriodLabel, v.Value, v.FileName, v.IsCurrent)));
    }

    [Fact]
    public async Task SubmissionsListAsync_a_2025_commune_reported_under_a_reused_province_code_stays_in_its_own_boundary_set()
    {
        // A commune of new Lâm Đồng (68 from 1/7/2025) that was in old Bình Thuận (60): province_code 68, like old Lâm Đồng's communes.
        string commune;
        await using (var connection = await _engine.OpenAsync(CancellationToken.None))
            commune = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, """
                SELECT min(n.unit_code) FROM rpt.unit_succession s
                JOIN rpt.units n ON n.unit_code = s.new_unit_code AND n.boundary_set = 'post2025' AND n.level = 'commune'
                JOIN rpt.units o ON o.unit_code = s.old_unit_code AND o.boundary_set = 'pre2025' AND o.level = 'commune'
                WHERE n.province_code = '68' AND o.province_code = '60'
                """) ?? throw new InvalidOperationException("no such commune");
        await ImportAsync("xa-moi.csv", $"{commune},,2025-12,cov_participants,12.000,");
        var submissions = new SubmissionQueries(_db, _units);

        var oldLamDong = await submissions.ListAsync(await UnitAsync(Pre, "68"), 100, CancellationToken.None);
        var newLamDong = await submissions.ListAsync(await UnitAsync(Post, "68"), 100, CancellationToken.None);

        Assert.DoesNotContain(oldLamDong, s => s.FileName == "xa-moi.csv");
        Assert.Contains(newLamDong, s => s.FileName == "xa-moi.csv" && s.UnitCode == commune);
    }

    [Fact]
    public async Task AlertsAsync_lists_the_units_own_alerts_and_those_below_it()
    {
        await using (var connection = await _engine.OpenAsync(CancellationToken.None))
        {
            foreach (var (id, unit) in new[] { (1L, "68"), (2L, "672"), (3L, "24784"), (4L, "62"), (5L, "01") })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"INSERT INTO dw.alert (alert_id, rule_code, condition, unit_code, period_label, severity, message, status, created_at, last_fired_at, last_evaluated_at, notifications) VALUES ({id}, 'coverage_drop', 'coverage_drop', '{unit}', '2021-07', 'medium', 'giảm', 'firing', TIMESTAMP '2021-08-0{id} 08:00:00', TIMESTAMP '2021-08-0{id} 08:00:00', TIMESTAMP '2021-08-0{id} 08:00:00', 0)";
                await command.ExecuteNonQueryAsync();
            }
        }
        var queries = new AlertQueries(_db, _units);

        async Task<long[]> For(string code) =>
            (await queries.AlertsAsync(await UnitAsync(Pre, code), 100, CancellationToken.None)).Select(a => a.Id).ToArray();

        var (country, lamDong, daLat, konTum) = (await For(BoundarySets.CountryCode), await For("68"), await For("672"), await For("62"));

        Assert.Equal(new long[] { 5, 4, 3, 2, 1 }, country);
        Assert.Equal(new long[] { 3, 2, 1 }, lamDong); // Lâm Đồng, Đà Lạt (672) and one of its wards (24784, Phường 1)
        Assert.Equal(new long[] { 3, 2 }, daLat);
        Assert.Equal(new long[] { 4 }, konTum);
    }
}
