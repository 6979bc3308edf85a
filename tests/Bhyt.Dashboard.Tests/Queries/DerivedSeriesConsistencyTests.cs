using System.Diagnostics;
using System.Globalization;
using Bhyt.Dashboard.Components.Pages.Kcb;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Generation;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;
using Dapper;

namespace Bhyt.Dashboard.Tests.Queries;

/// <summary>
/// One meaning in one place: on a real warehouse loaded with a generated province (Kon Tum, 62: submissions, facilities,
/// claims), the dashboard's services, <c>bhyt sql</c> (the real executable, another process) and a direct query of the
/// <c>rpt</c> view give the same 2025-mapped series and the same cost per visit for a sample of units.
/// </summary>
public sealed class DerivedSeriesConsistencyTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-derived-").FullName;
    private string _warehouse = "";
    private IWarehouseEngine _engine = default!;

    private static readonly string[] Mapped = ["cov_participants", "cov_population", "cov_rate", "kcb_visits", "kcb_cost_per_visit"];

    public async ValueTask InitializeAsync()
    {
        var generated = Path.Combine(_folder, "generated");
        SyntheticDataGenerator.Run(new GenerationOptions(generated, "province", 2019, 2024, 20_000, 7, "62"), TextWriter.Null);
        _warehouse = Path.Combine(_folder, "w.duckdb");
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(_warehouse));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        var import = await ImportService.CreateAsync(_engine, CancellationToken.None);
        foreach (var file in ImportService.ExpandPaths([generated]))
        {
            var result = await import.ImportAsync(file, new ImportOptions(), null, CancellationToken.None);
            Assert.False(result.IsRejected, result.SummaryLine);
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Dashboard_bhyt_sql_and_the_view_give_the_same_mapped_series_and_cost_per_visit()
    {
        var selectionPost = new Selection(BoundarySets.CountryCode, 2019, 2024, BoundarySets.Post2025);
        var selectionPre = selectionPost with { Set = BoundarySets.Pre2025 };

        // The 2025 communes made only of Kon Tum communes have mapped figures; take a sample of them (those with claims first,
        // so that a cost per visit computed from mapped claims is among them), and Kon Tum with two districts.
        var newCommunes = await SampleAsync("""
            SELECT unit_code FROM rpt.indicator_values
            WHERE boundary_set = 'post2025' AND unit_level = 'commune' AND source_ref = 'map2025'
            GROUP BY unit_code ORDER BY max(CASE WHEN derived_from = 'claims' THEN 1 ELSE 0 END) DESC, unit_code
            """, 4);
        var oldUnits = (await SampleAsync("SELECT unit_code FROM rpt.units WHERE boundary_set = 'pre2025' AND parent_code = '62' ORDER BY unit_code", 2))
            .Prepend("62").ToList();
        Assert.Equal(4, newCommunes.Count);

        // 1. The dashboard's services.
        HashSet<string> dashboardMapped = [], dashboardCost = [];
        using (var db = new ReportingDb(_engine))
        {
            var units = new UnitCatalog(db);
            var indicators = new IndicatorQueries(db, units);
            foreach (var code in newCommunes)
            {
                var unit = (await units.FindAsync(BoundarySets.Post2025, code, CancellationToken.None))!;
                foreach (var f in await indicators.ForUnitAsync(unit, selectionPost, Mapped, CancellationToken.None))
                    if (f.Figure.End < BoundarySets.ReformDate.ToDateTime(TimeOnly.MinValue))
                        dashboardMapped.Add(Line(code, f.Figure.Indicator, f.Figure.PeriodLabel, f.Figure.Value));
            }
            var kcb = new KcbService(indicators, new ClaimsQueries(db), units);
            foreach (var code in oldUnits)
            {
                var data = await kcb.LoadAsync((await units.FindAsync(BoundarySets.Pre2025, code, CancellationToken.None))!, selectionPre, CancellationToken.None);
                foreach (var point in data.CostPerVisit.SelectMany(s => s.Points))
                    dashboardCost.Add(Line(code, KcbService.CostPerVisit, point.X.Year.ToString(CultureInfo.InvariantCulture), point.Y));
            }
        }

        var mappedSql = $"""
            SELECT unit_code, indicator_code, period_label, value FROM rpt.indicator_values
            WHERE boundary_set = 'post2025' AND unit_code IN ({Quoted(newCommunes)}) AND indicator_code IN ({Quoted(Mapped)})
              AND period_end < DATE '2025-07-01' AND period_start >= DATE '2019-01-01'
            """;
        var costSql = $"""
            SELECT unit_code, indicator_code, period_label, value FROM rpt.indicator_values
            WHERE boundary_set = 'pre2025' AND unit_code IN ({Quoted(oldUnits)}) AND indicator_code = 'kcb_cost_per_visit' AND period_kind = 'year'
              AND period_start >= DATE '2019-01-01' AND period_end <= DATE '2024-12-31'
            """;

        // 2. bhyt sql, the analysts' door, in its own process.
        var sqlMapped = await BhytSqlAsync(mappedSql);
        var sqlCost = await BhytSqlAsync(costSql);

        // 3. The view itself.
        await using var connection = await _engine.OpenAsync(CancellationToken.None);
        var viewMapped = (await connection.QueryAsync<(string, string, string, decimal)>(mappedSql)).Select(r => Line(r.Item1, r.Item2, r.Item3, (double)r.Item4)).ToHashSet();
        var viewCost = (await connection.QueryAsync<(string, string, string, decimal)>(costSql)).Select(r => Line(r.Item1, r.Item2, r.Item3, (double)r.Item4)).ToHashSet();

        Assert.Contains(dashboardMapped, l => l.Contains("kcb_cost_per_visit"));
        Assert.Contains(dashboardMapped, l => l.Contains("cov_rate"));
        Assert.True(viewMapped.Count >= 20, $"only {viewMapped.Count} mapped figures");
        Assert.Equal(viewMapped.Order(), dashboardMapped.Order());
        Assert.Equal(viewMapped.Order(), sqlMapped.Order());
        Assert.True(viewCost.Count >= 6, $"only {viewCost.Count} cost-per-visit figures");
        Assert.Equal(viewCost.Order(), dashboardCost.Order());
        Assert.Equal(viewCost.Order(), sqlCost.Order());

        // And the mapped figure is what its definition says: Σ predecessor × weight, for one sampled commune and period.
        var sample = viewMapped.Select(l => l.Split(' ')).First(l => l[1] == "cov_participants");
        var (newCode, year) = (sample[0], sample[2]);
        var expected = await connection.ExecuteScalarAsync<decimal>("""
            SELECT sum(v.value * s.weight) FROM rpt.unit_succession s
            JOIN rpt.indicator_values v ON v.unit_code = s.old_unit_code AND v.unit_level = s.old_level AND v.boundary_set = 'pre2025'
            WHERE s.new_unit_code = $code AND s.new_level = 'commune' AND s.old_level = 'commune'
              AND v.indicator_code = 'cov_participants' AND v.period_label = $year AND v.source = 'submission'
            """, new { code = newCode, year });
        Assert.Contains(Line(newCode, "cov_participants", year, (double)expected), viewMapped);
    }

    private async Task<List<string>> SampleAsync(string sql, int count)
    {
        await using var connection = await _engine.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>(sql)).Take(count).ToList();
    }

    private async Task<HashSet<string>> BhytSqlAsync(string sql)
    {
        var dll = Path.Combine(RepositoryRoot.Path, "etl", "bin", RepositoryRoot.Configuration, "net10.0", "bhyt.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "sql", sql, "--format", "csv", "--warehouse", _warehouse])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"bhyt sql exited {process.ExitCode}: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(c => Line(c[0], c[1], c[2], double.Parse(c[3], CultureInfo.InvariantCulture)))
            .ToHashSet();
    }

    private static string Line(string unit, string indicator, string period, double value) =>
        $"{unit} {indicator} {period} {Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture)}";

    private static string Quoted(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => $"'{c.Replace("'", "''")}'"));
}
