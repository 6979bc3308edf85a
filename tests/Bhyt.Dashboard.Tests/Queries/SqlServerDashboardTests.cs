using Bhyt.Dashboard.Components.Pages.Coverage;
using Bhyt.Dashboard.Components.Pages.Fund;
using Bhyt.Dashboard.Components.Pages.Kcb;
using Bhyt.Dashboard.Components.Pages.Overview;
using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Warehouse.Queries;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Bhyt.Dashboard.Tests.Queries;

/// <summary>
/// Every page's queries on SQL Server give what they give on DuckDB for the same file. Runs only where
/// <c>BHYT_TEST_SQLSERVER</c> holds a connection string (the database is initialised and the file imported into it);
/// skipped otherwise. The file uses 2011, a year no other test loads, so figures already in that database do not interfere.
/// </summary>
public sealed class SqlServerDashboardTests : IAsyncLifetime
{
    private const string Variable = "BHYT_TEST_SQLSERVER";
    private static readonly Selection Pre = Selection.Default with { From = 2011, To = 2011 };
    private static readonly Selection Post = Pre with { Set = BoundarySets.Post2025 };

    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-dash-sql-").FullName;
    private ServiceProvider? _duckDb;
    private ServiceProvider? _sqlServer;

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } connectionString) return;
        var file = Path.Combine(_folder, "so-lieu-2011.csv");
        await File.WriteAllLinesAsync(file,
        [
            "unit_code,unit_name,period,indicator,value,value_kind",
            "60,,2011,cov_participants,700.000,", "60,,2011,cov_population,1.150.000,",
            "67,,2011,cov_participants,300.000,", "67,,2011,cov_population,520.000,",
            "68,,2011,cov_participants,800.000,", "68,,2011,cov_population,1.220.000,", "68,,2011,cov_rate,\"65,57\",",
            "68,,2011,kcb_visits,2.100.000,", "68,,2011,spend_kcb,820 tỷ đồng,",
        ]);
        _duckDb = await LoadedAsync(WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb"))), file);
        _sqlServer = await LoadedAsync(WarehouseEngine.For(WarehouseTarget.Parse(connectionString)), file);
    }

    private static async Task<ServiceProvider> LoadedAsync(IWarehouseEngine engine, string file)
    {
        await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        var import = await ImportService.CreateAsync(engine, CancellationToken.None);
        var result = await import.ImportAsync(file, new ImportOptions(), null, CancellationToken.None);
        Assert.False(result.IsRejected, string.Join("; ", result.Issues.Select(i => i.Message)));
        return new ServiceCollection().AddSingleton(engine).AddSingleton<IUnitAccessSource>(FixedUnitAccess.Country).AddDashboardQueries().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_duckDb is not null) await _duckDb.DisposeAsync();
        if (_sqlServer is not null) await _sqlServer.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private (ServiceProvider DuckDb, ServiceProvider SqlServer) Engines()
    {
        if (_duckDb is null || _sqlServer is null) Assert.Skip($"{Variable} is not set: SQL Server integration tests need a server");
        return (_duckDb, _sqlServer);
    }

    private static async Task<UnitInfo> UnitAsync(IServiceProvider services, Selection selection, string code) =>
        await services.GetRequiredService<UnitCatalog>().FindAsync(selection.Set, code, CancellationToken.None) ?? throw new InvalidOperationException(code);

    [Theory]
    [InlineData("pre2025", "68")]
    [InlineData("post2025", "68")]
    public async Task Figures_of_a_unit_are_the_same_on_both_engines(string set, string code)
    {
        var (duckDb, sqlServer) = Engines();
        var selection = set == BoundarySets.Post2025 ? Post : Pre;
        string[] codes = ["cov_participants", "cov_population", "cov_rate", "kcb_visits", "spend_kcb"];

        async Task<List<string>> FiguresAsync(IServiceProvider services) =>
            (await services.GetRequiredService<IndicatorQueries>().ForUnitAsync(await UnitAsync(services, selection, code), selection, codes, CancellationToken.None))
            .Select(f => $"{f.UnitCode} {f.Figure.Indicator} {f.Figure.PeriodLabel} {f.Figure.Kind} {f.Figure.Value:0.##} {f.Figure.IsMapped}").Order().ToList();

        var expected = await FiguresAsync(duckDb);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await FiguresAsync(sqlServer));
    }

    [Fact]
    public async Task Every_page_loads_on_sql_server_with_the_figures_duckdb_gives()
    {
        var (duckDb, sqlServer) = Engines();

        async Task<string> PagesAsync(IServiceProvider services)
        {
            var unit = await UnitAsync(services, Pre, "68");
            var country = await UnitAsync(services, Pre, BoundarySets.CountryCode);
            var overview = await services.GetRequiredService<OverviewService>().LoadAsync(unit, Pre, CancellationToken.None);
            var coverage = await services.GetRequiredService<CoverageService>().LoadAsync(country, Pre, CancellationToken.None);
            var kcb = await services.GetRequiredService<KcbService>().LoadAsync(unit, Pre, CancellationToken.None);
            await services.GetRequiredService<FundService>().LoadAsync(unit, Pre, CancellationToken.None);
            await services.GetRequiredService<SubmissionsService>().LoadAsync(country, Pre, CancellationToken.None);
            await services.GetRequiredService<AnomalyQueries>().AnomaliesAsync(10, CancellationToken.None);
            await services.GetRequiredService<AlertQueries>().AlertsAsync(unit, 10, CancellationToken.None);
            await services.GetRequiredService<ClaimsQueries>().ProvincesWithClaimsAsync(2011, 2011, CancellationToken.None);
            await services.GetRequiredService<SourceQueries>().AllAsync(CancellationToken.None);
            var kpis = string.Join(";", overview.Kpis.Select(k => $"{k.Code}={k.Value:0.##}"));
            var children = string.Join(";", coverage.Children.Where(c => c.Rate is not null).Select(c => $"{c.Unit.Code}={c.Rate:0.##}"));
            var compare = string.Join(";", kcb.Compare.Select(c => $"{c.Code}={c.Submitted:0.##}"));
            return $"{kpis} | {children} | {compare}";
        }

        var expected = await PagesAsync(duckDb);
        Assert.Contains("cov_rate=65.57", expected.Replace(',', '.'));
        Assert.Equal(expected, await PagesAsync(sqlServer));
    }
}
