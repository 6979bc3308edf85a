using Bhyt.Dashboard.Components.Pages.Alerts;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Alerts;
using Bhyt.Etl.Alerts.Delivery;
using Bhyt.Etl.Detection;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>
/// The Cảnh báo page's service on a real DuckDB warehouse: everyone reads; analysts and administrators acknowledge;
/// only administrators change rules and silences — refused on the server for the others.
/// </summary>
public sealed class AlertsServiceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-alerts-service-").FullName;
    private IWarehouseEngine _engine = default!;
    private ReportingDb _db = default!;

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        await using (var connection = await _engine.OpenAsync(CancellationToken.None))
            await new AnomalyStore(_engine).SaveAsync(connection,
            [
                new AnomalyFinding(AnomalyKinds.CoverageDrop, "unit", "672", "2023-03", new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 31), "cov_rate",
                    80, 90, 10, AnomalyFinding.High, "coverage.pp_drop", "Tỷ lệ bao phủ của Thành phố Đà Lạt giảm 10 điểm %.") { UnitCode = "672" },
            ], DateTime.UtcNow, CancellationToken.None);
        await new AlertRun(_engine, DeliverySettings.From(_ => null), [], TimeProvider.System).EvaluateAsync(CancellationToken.None);
        _db = new ReportingDb(_engine);
    }

    private AlertsService As(string role)
    {
        var user = new SignedIn("u-" + role, role);
        return new(_engine, new AlertQueries(_db, new UnitCatalog(_db)), user, FixedUnitAccess.Country, Audited.Over(_engine, user),
            NullLogger<AlertsService>.Instance);
    }

    private async Task<UnitInfo> UnitAsync(string code) =>
        (await new UnitCatalog(_db).FindAsync(Selection.Default.Set, code, CancellationToken.None))!;

    private static AlertRule Rule() => new(0, "coverage_drop", AlertConditions.CoverageDrop, "68", 5, "medium", null, "sytelamdong@bhxh.vn", null, 60, true, "Giảm bao phủ Lâm Đồng");

    [Fact]
    public async Task LoadAsync_viewer_reads_the_subtrees_alerts_and_the_rules_but_cannot_change_anything()
    {
        var viewer = As(Roles.Viewer);

        var lamDong = await viewer.LoadAsync(await UnitAsync("68"), CancellationToken.None);
        var hanoi = await viewer.LoadAsync(await UnitAsync("01"), CancellationToken.None);

        var alert = Assert.Single(lamDong.Alerts);
        Assert.Equal(("coverage_drop", "672", "firing"), (alert.Rule, alert.UnitCode, alert.Status));
        Assert.Empty(hanoi.Alerts);
        Assert.Contains(lamDong.Rules, r => r.Code == "submission_late");
        Assert.False(await viewer.CanAcknowledgeAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => viewer.AcknowledgeAsync(alert.Id, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => viewer.SaveRuleAsync(Rule(), CancellationToken.None));
        Assert.Equal("firing", (await viewer.LoadAsync(await UnitAsync("68"), CancellationToken.None)).Alerts[0].Status);
    }

    [Fact]
    public async Task AcknowledgeAsync_analyst_acknowledges_but_only_an_administrator_edits_rules_and_silences()
    {
        var analyst = As(Roles.Analyst);
        var admin = As(Roles.Admin);
        var alert = (await analyst.LoadAsync(await UnitAsync("68"), CancellationToken.None)).Alerts[0];

        Assert.True(await analyst.AcknowledgeAsync(alert.Id, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => analyst.SaveRuleAsync(Rule(), CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            analyst.AddSilenceAsync(null, "68", "Bảo trì", DateTime.UtcNow.AddHours(1), CancellationToken.None));
        await admin.SaveRuleAsync(Rule(), CancellationToken.None);
        var silence = await admin.AddSilenceAsync("coverage_drop", "68", "Đang rà soát số liệu", DateTime.UtcNow.AddHours(4), CancellationToken.None);

        var after = await admin.LoadAsync(await UnitAsync("68"), CancellationToken.None);
        Assert.Equal(("acknowledged", "u-analyst"), (after.Alerts[0].Status, after.Alerts[0].AcknowledgedBy));
        Assert.Contains(after.Rules, r => r is { Code: "coverage_drop", UnitCode: "68", Emails: "sytelamdong@bhxh.vn" });
        Assert.Equal(("u-admin", "Đang rà soát số liệu"), (after.Silences.Single(s => s.Id == silence).CreatedBy, after.Silences.Single().Reason));
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
