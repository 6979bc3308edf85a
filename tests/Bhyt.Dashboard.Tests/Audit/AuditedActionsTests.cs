using Bhyt.Warehouse.Units.Scope;
using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Components.Pages.Accounts;
using Bhyt.Dashboard.Components.Pages.Alerts;
using Bhyt.Dashboard.Components.Pages.Anomalies;
using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Alerts;
using Bhyt.Etl.Alerts.Delivery;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Scheduling;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Audit;

/// <summary>
/// The services that act record what they did — and what they refused — in the audit log of a real DuckDB warehouse,
/// with the acting user, their role and the page's address: accounts, uploads, anomaly verdicts, alert acknowledgements.
/// </summary>
public sealed class AuditedActionsTests : IAsyncLifetime
{
    private const string Address = "10.66.1.20";
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-audited-").FullName;
    private IWarehouseEngine _engine = default!;
    private ReportingDb _db = default!;

    private sealed record Logged(string User, string? Role, string Action, string Outcome, string? Subject, string? Detail, string? Address);

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        await using (var connection = await _engine.OpenAsync(CancellationToken.None))
            await new AnomalyStore(_engine).SaveAsync(connection,
            [
                new AnomalyFinding(AnomalyKinds.CoverageDrop, "unit", "66", "2024-06", new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30), "cov_rate",
                    84, 93, 9, AnomalyFinding.High, "coverage.pp_drop", "Tỷ lệ bao phủ của Đắk Lắk giảm 9 điểm %.") { UnitCode = "66" },
            ], DateTime.UtcNow, CancellationToken.None);
        await new AlertRun(_engine, DeliverySettings.From(_ => null), [], TimeProvider.System).EvaluateAsync(CancellationToken.None);
        _db = new ReportingDb(_engine);
    }

    private async Task<List<Logged>> LoggedAsync(string actionPrefix)
    {
        await using var connection = await _engine.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string, string?, string, string, string?, string?, string?)>(_engine.Sql(
                "SELECT user_name, user_role, action, outcome, subject, detail, client_address FROM rpt.audit WHERE action LIKE @prefix ORDER BY event_id"),
                new { prefix = actionPrefix + "%" }))
            .Select(r => new Logged(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7)).ToList();
    }

    private IAuditLog Audit(SignedIn user) => Audited.Over(_engine, user, Address);

    [Fact]
    public async Task AccountsService_creation_role_change_deletion_and_refusal_are_recorded_without_passwords()
    {
        var users = new UserStore(Path.Combine(_folder, "users.json"));
        users.Save("quan.tri", "Quản trị", Roles.Admin, "mat-khau-quan-tri-1");
        users.Save("phan.tich", "Phân tích", Roles.Analyst, "mat-khau-phan-tich-1");
        var sessions = new SessionValidator(users, SessionLifetime.Default, TimeProvider.System);
        AccountsService As(string name, string role)
        {
            var user = new SignedIn(name, role, users.Find(name)?.SecurityStamp);
            return new(users, sessions, user, new UnitAccessCache(_engine), new UnitCatalog(_db), Audit(user), NullLogger<AccountsService>.Instance);
        }
        var admin = As("quan.tri", Roles.Admin);

        await admin.SaveAsync("lanh.dao.66", "Lãnh đạo Đắk Lắk", Roles.Viewer, "mat-khau-lanh-dao-1");
        await admin.SaveAsync("lanh.dao.66", "Lãnh đạo Đắk Lắk", Roles.Analyst, "mat-khau-lanh-dao-2");
        await Assert.ThrowsAsync<ArgumentException>(() => admin.SaveAsync("lanh.dao.67", "", Roles.Viewer, "ngan"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As("phan.tich", Roles.Analyst).SaveAsync("phan.tich", "", Roles.Admin, "mat-khau-leo-quyen"));
        await admin.DeleteAsync("lanh.dao.66");

        var logged = await LoggedAsync("account_");
        Assert.Equal(
            [("quan.tri", "admin", "account_save", "success", "lanh.dao.66"), ("quan.tri", "admin", "account_save", "success", "lanh.dao.66"),
             ("quan.tri", "admin", "account_save", "failure", "lanh.dao.67"), ("phan.tich", "analyst", "account_save", "denied", "phan.tich"),
             ("quan.tri", "admin", "account_delete", "success", "lanh.dao.66")],
            logged.Select(l => (l.User, l.Role!, l.Action, l.Outcome, l.Subject!)));
        Assert.Equal("tạo mới, vai trò viewer", logged[0].Detail);
        Assert.Equal("đặt lại mật khẩu, đổi vai trò viewer → analyst", logged[1].Detail);
        Assert.Contains("ít nhất 12 ký tự", logged[2].Detail);
        Assert.Equal("vai trò analyst", logged[4].Detail);
        Assert.All(logged, l => Assert.Equal(Address, l.Address));
        Assert.DoesNotContain(logged, l => l.Detail!.Contains("mat-khau") || l.Detail.Contains("ngan"));
    }

    [Fact]
    public async Task InboxUpload_saved_and_refused_uploads_are_recorded()
    {
        var inbox = InboxOptions.Default(Path.Combine(_folder, "inbox"));
        InboxUpload As(string role)
        {
            var user = new SignedIn("nguoi." + role, role);
            return new(inbox, user, FixedUnitAccess.Country, new UploadScope(_engine), Audit(user), NullLogger<InboxUpload>.Instance);
        }
        var report = new UploadedFile("dak-lak-2024.csv", "unit_code,unit_name,period,indicator,value,value_kind\n66,,2024,cov_rate,93,actual\n");

        var stored = await As(Roles.Analyst).SaveAsync(report, null, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => As(Roles.Analyst).SaveAsync(new UploadedFile("bao-cao.exe", "MZ"), null, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(Roles.Viewer).SaveAsync(report, null, CancellationToken.None));

        var logged = await LoggedAsync("upload");
        Assert.Equal([("nguoi.analyst", "success", "dak-lak-2024.csv"), ("nguoi.analyst", "failure", "bao-cao.exe"), ("nguoi.viewer", "denied", "dak-lak-2024.csv")],
            logged.Select(l => (l.User, l.Outcome, l.Subject!)));
        Assert.Contains(stored, logged[0].Detail);
        Assert.Contains($"{report.Size} byte", logged[0].Detail);
    }

    [Fact]
    public async Task Review_status_changes_of_anomalies_and_alerts_are_recorded_and_a_viewers_attempt_too()
    {
        AnomalyReviewService Anomalies(string role)
        {
            var user = new SignedIn("nguoi." + role, role);
            return new(_engine, new AnomalyQueries(_db, new UnitCatalog(_db)), user, Audit(user), NullLogger<AnomalyReviewService>.Instance);
        }
        AlertsService Alerts(string role)
        {
            var user = new SignedIn("nguoi." + role, role);
            return new(_engine, new AlertQueries(_db, new UnitCatalog(_db)), user, FixedUnitAccess.Country, Audit(user), NullLogger<AlertsService>.Instance);
        }
        var country = (await new UnitCatalog(_db).FindAsync(Selection.Default.Set, Selection.Default.UnitCode, CancellationToken.None))!;
        var anomaly = Assert.Single(await Anomalies(Roles.Viewer).ListAsync(country, new AnomalyFilter(), CancellationToken.None));
        var alert = Assert.Single((await Alerts(Roles.Viewer).LoadAsync(country, CancellationToken.None)).Alerts);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Anomalies(Roles.Viewer).ReviewAsync(anomaly.Id, "dismissed", null, CancellationToken.None));
        Assert.True(await Anomalies(Roles.Analyst).ReviewAsync(anomaly.Id, "confirmed", "Đã đối chiếu với báo cáo quý", CancellationToken.None));
        Assert.False(await Anomalies(Roles.Analyst).ReviewAsync(anomaly.Id + 1000, "confirmed", null, CancellationToken.None));
        Assert.True(await Alerts(Roles.Admin).AcknowledgeAsync(alert.Id, CancellationToken.None));

        var anomalies = await LoggedAsync("anomaly_review");
        Assert.Equal(
            [("nguoi.viewer", "viewer", "denied", $"anomaly {anomaly.Id}"), ("nguoi.analyst", "analyst", "success", $"anomaly {anomaly.Id}"),
             ("nguoi.analyst", "analyst", "failure", $"anomaly {anomaly.Id + 1000}")],
            anomalies.Select(l => (l.User, l.Role!, l.Outcome, l.Subject!)));
        Assert.Equal("confirmed: Đã đối chiếu với báo cáo quý", anomalies[1].Detail);
        var alerts = await LoggedAsync("alert_");
        Assert.Equal([("nguoi.admin", "alert_acknowledge", "success", $"alert {alert.Id}")], alerts.Select(l => (l.User, l.Action, l.Outcome, l.Subject!)));
    }

    public ValueTask DisposeAsync()
    {
        _db.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
