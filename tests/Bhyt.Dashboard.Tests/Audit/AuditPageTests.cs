using Bunit;
using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Components.Pages.Audit;
using Bhyt.Dashboard.Components.Shared;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Audit;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bhyt.Dashboard.Tests.Audit;

/// <summary>
/// The Nhật ký page and the CSV export rendered over a real DuckDB warehouse: an export is recorded; the administrator
/// filters and pages the log in vi-VN; anyone else gets nothing from the page's service.
/// </summary>
public sealed class AuditPageTests : BunitContext, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-audit-page-").FullName;
    private IWarehouseEngine _engine = default!;
    private UserStore _users = default!;

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        _users = new UserStore(Path.Combine(_folder, "users.json"));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private SignedIn SignIn(string name, string role)
    {
        _users.Save(name, name, role, "mat-khau-du-dai-1");
        var user = new SignedIn(name, role, _users.Find(name)!.SecurityStamp);
        var db = new ReportingDb(_engine);
        Services.AddSingleton(new AuditLogService(new AuditQueries(db), new SessionValidator(_users, SessionLifetime.Default, TimeProvider.System), user));
        Services.AddSingleton(new AuditRetention(_engine, new AuditTrail(_engine), 400));
        Services.AddSingleton(Audited.Over(_engine, user, "10.66.0.9"));
        return user;
    }

    private async Task AppendAsync(int count, Func<int, AuditEvent> make)
    {
        var trail = new AuditTrail(_engine);
        for (var i = 0; i < count; i++) Assert.True(await trail.AppendAsync(make(i)));
    }

    [Fact]
    public async Task CsvExport_click_records_the_file_the_rows_and_the_page()
    {
        SignIn("lanh.dao", Roles.Viewer);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/bao-phu?unit=66&from=2015&to=2024");
        var export = Render<CsvExport>(p => p
            .Add(c => c.FileName, "bao-phu-66.csv")
            .Add(c => c.Header, ["Đơn vị", "Tỷ lệ bao phủ (%)"])
            .Add(c => c.Rows, new List<IReadOnlyList<string?>> { new[] { "Buôn Ma Thuột", "94,1" }, new[] { "Krông Pắc", "91,7" }, new[] { "Ea H'leo", "89,0" } }));

        await export.Find("button.export").ClickAsync(new());

        Assert.Single(JSInterop.Invocations, i => i.Identifier == "bhyt.download");
        await using var connection = await _engine.OpenAsync(CancellationToken.None);
        var row = Assert.Single(await connection.QueryAsync<(string User, string Role, string Action, string Subject, long Rows, string Detail, string Address)>(
            "SELECT user_name, user_role, action, subject, row_count, detail, client_address FROM rpt.audit"));
        Assert.Equal(("lanh.dao", "viewer", "export", "bao-phu-66.csv", 3L, "/bao-phu?unit=66&from=2015&to=2024", "10.66.0.9"), row);
    }

    [Fact]
    public async Task Page_administrator_filters_by_outcome_user_and_text_and_reads_vi_VN_times()
    {
        SignIn("quan.tri", Roles.Admin);
        var at = new DateTime(2026, 11, 2, 1, 30, 5, DateTimeKind.Utc);
        await AppendAsync(3, i => new AuditEvent(AuditActions.SignIn, i == 1 ? AuditOutcomes.Failure : AuditOutcomes.Success, $"nguoi.{i}")
        {
            OccurredAt = at.AddMinutes(i), ClientAddress = $"10.0.0.{i}", Detail = "local",
        });
        await AppendAsync(1, _ => new AuditEvent(AuditActions.ConsoleQuery, AuditOutcomes.Success, "phan.tich")
        {
            OccurredAt = at.AddHours(1), Detail = "SELECT * FROM rpt.coverage_100%_units", RowCount = 12_345, DurationMs = 1_250,
        });

        var page = Render<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("#audit-table tbody tr").Count));
        var query = page.Find("#audit-table tbody tr[data-action='console_query']").TextContent;
        Assert.Contains("12.345", query);
        Assert.Contains("1.250", query);
        Assert.Contains(DateTime.SpecifyKind(at.AddHours(1), DateTimeKind.Utc).ToLocalTime().ToString("dd/MM/yyyy HH:mm:ss"), query);
        Assert.Contains("Truy vấn SQL", query);

        page.Find("#audit-outcome").Change(AuditOutcomes.Failure);
        page.Find("form.audit-filter").Submit();
        page.WaitForAssertion(() => Assert.Equal(["nguoi.1"], page.FindAll("#audit-table tbody tr td:nth-child(2)").Select(td => td.TextContent)));
        Assert.Contains("Không thành công", page.Find("#audit-table tbody tr").TextContent);

        page.Find("#audit-outcome").Change("");
        page.Find("#audit-text").Change("100%_u");
        page.Find("form.audit-filter").Submit();
        page.WaitForAssertion(() => Assert.Equal(["phan.tich"], page.FindAll("#audit-table tbody tr td:nth-child(2)").Select(td => td.TextContent)));
        page.Find("#audit-text").Change("c_v"); // "_" is taken literally: "cov" does not match
        page.Find("form.audit-filter").Submit();
        page.WaitForAssertion(() => Assert.Equal("Không có sự kiện nào khớp bộ lọc.", page.Find("#audit-count").TextContent));

        page.Find("#audit-text").Change("");
        page.Find("#audit-user").Change("NGUOI");
        page.Find("#audit-from").Change(DateOnly.FromDateTime(at.ToLocalTime()).ToString("yyyy-MM-dd"));
        page.Find("#audit-to").Change(DateOnly.FromDateTime(at.ToLocalTime()).ToString("yyyy-MM-dd"));
        page.Find("form.audit-filter").Submit();
        page.WaitForAssertion(() => Assert.Equal(["nguoi.2", "nguoi.1", "nguoi.0"], page.FindAll("#audit-table tbody tr td:nth-child(2)").Select(td => td.TextContent)));
        Assert.Contains("trên 3", page.Find("#audit-count").TextContent);
    }

    [Fact]
    public async Task Page_pages_by_fifty_newest_first_and_back()
    {
        SignIn("quan.tri", Roles.Admin);
        await AppendAsync(120, i => new AuditEvent(AuditActions.Export, AuditOutcomes.Success, $"xuat.{i:000}") { OccurredAt = DateTime.UtcNow.AddMinutes(i - 200) });
        string[] Users(IRenderedComponent<AuditLog> p) => p.FindAll("#audit-table tbody tr td:nth-child(2)").Select(td => td.TextContent).ToArray();

        var page = Render<AuditLog>();
        page.WaitForAssertion(() => Assert.Equal(AuditLogService.PageSize, Users(page).Length));
        Assert.Equal(("xuat.119", "xuat.070"), (Users(page)[0], Users(page)[^1]));
        Assert.True(page.Find("#audit-newer").HasAttribute("disabled"));

        page.Find("#audit-older").Click();
        page.WaitForAssertion(() => Assert.Equal("xuat.069", Users(page)[0]));
        page.Find("#audit-older").Click();
        page.WaitForAssertion(() => Assert.Equal(("xuat.019", "xuat.000", 20), (Users(page)[0], Users(page)[^1], Users(page).Length)));
        Assert.True(page.Find("#audit-older").HasAttribute("disabled"));
        Assert.Contains("Sự kiện 101–120 trên 120", page.Find("#audit-count").TextContent);

        page.Find("#audit-newer").Click();
        page.WaitForAssertion(() => Assert.Equal("xuat.069", Users(page)[0]));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Analyst)]
    public async Task Service_anyone_but_an_administrator_is_refused(string role)
    {
        SignIn("khong.phai.quan.tri", role);
        await AppendAsync(1, _ => new AuditEvent(AuditActions.SignIn, AuditOutcomes.Success, "ai.do"));
        var service = Services.GetRequiredService<AuditLogService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.PageAsync(new AuditFilter(), null, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.UsersAsync(CancellationToken.None));
        Assert.Throws<UnauthorizedAccessException>(() => Render<AuditLog>());
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
