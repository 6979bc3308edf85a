using Bhyt.Dashboard.Tests.Support;
using Bunit;
using Bhyt.Dashboard.Components.Pages.Console;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Querying;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Bhyt.Dashboard.Tests.Components.Pages.Console;

/// <summary>The SQL console page over a real warehouse: run, page, export, history, roles and unit scope.</summary>
public sealed class SqlConsoleTests : BunitContext
{
    private const int MaxRows = 120;
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-console-page-").FullName;
    private IWarehouseEngine? _engine;

    public SqlConsoleTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private async Task<IWarehouseEngine> WarehouseAsync()
    {
        if (_engine is not null) return _engine;
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        return _engine;
    }

    private async Task<ConsoleService> SignInAsync(string name, string role, string? unit = null)
    {
        var engine = await WarehouseAsync();
        var users = new UserStore(Path.Combine(_folder, "users.json"));
        users.Save(name, name, role, "mat-khau-du-dai", unit);
        var service = new ConsoleService(new ReadOnlyQueryRunner(engine), new UnitAccessScopeResolver(engine), new QueryHistoryStore(engine),
            new ConsoleOptions(new QueryLimits(TimeSpan.FromSeconds(30), MaxRows), 50),
            new SessionValidator(users, SessionLifetime.Default, TimeProvider.System), new State(name, role, users.Find(name)!.SecurityStamp!, unit),
            Audited.Over(engine, new State(name, role, users.Find(name)!.SecurityStamp!, unit)));
        Services.AddSingleton(service);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return service;
    }

    private static void Run(IRenderedComponent<SqlConsole> page, string sql)
    {
        page.Find("#sql-text").Input(sql);
        page.Find("#sql-run").Click();
    }

    [Fact]
    public async Task Page_runs_a_query_pages_its_rows_and_exports_them_as_csv()
    {
        await SignInAsync("phantich", Roles.Analyst);
        var page = Render<SqlConsole>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sql-schema details[data-view='units'] tr[data-column='unit_code']")));

        Run(page, "SELECT unit_code, name FROM rpt.units ORDER BY unit_code");

        page.WaitForAssertion(() => Assert.Contains("120 dòng", page.Find("#sql-status").TextContent), TimeSpan.FromSeconds(20));
        // The run ends by reloading the history: paging before that would race the run's last render.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sql-history tbody tr")), TimeSpan.FromSeconds(20));
        Assert.Contains("bị cắt", page.Find("#sql-status").TextContent);
        Assert.Equal(SqlConsole.PageSize, page.FindAll("#sql-result tbody tr").Count);
        Assert.Equal("Trang 1 / 3", page.Find("#sql-page").TextContent);
        var firstOnPage1 = page.Find("#sql-result tbody tr td").TextContent;
        page.Find("#sql-next").Click();
        page.Find("#sql-next").Click();
        Assert.Equal("Trang 3 / 3", page.Find("#sql-page").TextContent);
        Assert.Equal(MaxRows - 2 * SqlConsole.PageSize, page.FindAll("#sql-result tbody tr").Count);
        Assert.NotEqual(firstOnPage1, page.Find("#sql-result tbody tr td").TextContent);

        page.Find("#sql-export-csv").Click();
        var download = Assert.Single(JSInterop.Invocations, i => i.Identifier == "bhyt.download");
        var csv = (string)download.Arguments[1]!;
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("unit_code,name", lines[0]);
        Assert.Equal(MaxRows + 1, lines.Length);
        Assert.StartsWith(firstOnPage1 + ",", lines[1]);
    }

    [Fact]
    public async Task Page_csv_export_neutralises_cells_that_a_spreadsheet_would_run_as_formulas()
    {
        await SignInAsync("phantich", Roles.Analyst);
        var page = Render<SqlConsole>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sql-schema details")));

        Run(page, "SELECT '=HYPERLINK(\"http://x\")' AS a, '+1+2' AS b, '-cmd' AS c, '@SUM(A1)' AS d, -5 AS n, 'Hà Nội' AS t");
        page.WaitForAssertion(() => Assert.Contains("1 dòng", page.Find("#sql-status").TextContent), TimeSpan.FromSeconds(20));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sql-history tbody tr")), TimeSpan.FromSeconds(20));
        page.Find("#sql-export-csv").Click();

        var csv = (string)Assert.Single(JSInterop.Invocations, i => i.Identifier == "bhyt.download").Arguments[1]!;
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+2,'-cmd,'@SUM(A1),-5,Hà Nội", csv.Split("\r\n")[1]);
    }

    [Fact]
    public async Task Page_refused_query_says_why_and_every_run_lands_in_the_users_own_history()
    {
        var service = await SignInAsync("phantich", Roles.Analyst);
        var page = Render<SqlConsole>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sql-schema details")));

        Run(page, "SELECT * FROM dw.fct_claim");
        page.WaitForAssertion(() => Assert.Contains("[sql.rpt_only]", page.Find("#sql-status").TextContent), TimeSpan.FromSeconds(20));
        Run(page, "SELECT count(*) AS n FROM rpt.indicators");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#sql-history tbody tr").Count), TimeSpan.FromSeconds(20));

        Assert.Equal(["ok", "refused"], page.FindAll("#sql-history tbody tr").Select(r => r.GetAttribute("data-outcome")));
        var other = await new QueryHistoryStore(await WarehouseAsync()).ForUserAsync("nguoikhac", 50, CancellationToken.None);
        Assert.Empty(other);
        Assert.Equal(2, (await service.HistoryAsync(CancellationToken.None)).Count);
        await using var connection = await (await WarehouseAsync()).OpenAsync(CancellationToken.None);
        var audited = (await Dapper.SqlMapper.QueryAsync<(string User, string Outcome, string Subject, string Detail)>(connection,
            "SELECT user_name, outcome, subject, detail FROM rpt.audit WHERE action = 'console_query' ORDER BY event_id")).ToList();
        Assert.Equal([("phantich", "denied"), ("phantich", "success")], audited.Select(a => (a.User, a.Outcome)));
        Assert.Contains("dw.fct_claim", audited[0].Detail);
    }

    [Fact]
    public async Task Page_cancel_stops_a_running_query_and_records_it_as_cancelled()
    {
        await SignInAsync("phantich", Roles.Analyst);
        var page = Render<SqlConsole>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sql-schema details")));

        Run(page, "SELECT count(*) FROM range(1000000000) a, range(1000000000) b");
        page.WaitForAssertion(() => Assert.False(page.Find("#sql-cancel").HasAttribute("disabled")));
        await Task.Delay(300, Xunit.TestContext.Current.CancellationToken);
        page.Find("#sql-cancel").Click();

        page.WaitForAssertion(() => Assert.Contains("Đã hủy truy vấn", page.Find("#sql-status").TextContent), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Equal("cancelled", page.Find("#sql-history tbody tr").GetAttribute("data-outcome")), TimeSpan.FromSeconds(10));
        Assert.True(page.Find("#sql-cancel").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Page_viewer_is_refused_and_sees_no_schema()
    {
        await SignInAsync("lanhdao", Roles.Viewer);

        var page = Render<SqlConsole>();

        page.WaitForAssertion(() => Assert.Contains("Chỉ tài khoản phân tích hoặc quản trị", page.Find("p.error").TextContent));
        Assert.Empty(page.FindAll("#sql-schema"));
    }

    [Fact]
    public async Task Page_province_scoped_analyst_sees_only_units_of_the_province_and_no_unit_less_view()
    {
        await SignInAsync("phantich-hn", Roles.Analyst, unit: "01");
        var page = Render<SqlConsole>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sql-schema details[data-view='units']")), TimeSpan.FromSeconds(20));

        Assert.Empty(page.FindAll("#sql-schema details[data-view='form_layouts']"));
        Run(page, "SELECT DISTINCT province_code FROM rpt.units WHERE province_code IS NOT NULL");
        page.WaitForAssertion(() => Assert.Contains("1 dòng", page.Find("#sql-status").TextContent), TimeSpan.FromSeconds(20));
        Assert.Equal("01", page.Find("#sql-result tbody td").TextContent);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a warehouse file still open */ }
    }

    private sealed class State(string name, string role, string stamp, string? unit) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            DashboardClaims.Principal(name, name, role, SessionMethods.Local, DateTimeOffset.UtcNow, stamp, unit)));
    }
}
