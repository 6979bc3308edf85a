using Bhyt.Dashboard.Components.Pages.Anomalies;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Detection;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>
/// The Bất thường page's service on a real DuckDB warehouse: filters by kind, severity, status, unit subtree and period;
/// a viewer reads but the server refuses their verdict; an analyst's verdict is stored and survives re-detection.
/// </summary>
public sealed class AnomalyReviewServiceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-anomaly-review-").FullName;
    private IWarehouseEngine _engine = default!;
    private ReportingDb _db = default!;

    private static AnomalyFinding Drop(string unit, string period, int month, string severity) =>
        new(AnomalyKinds.CoverageDrop, "unit", unit, period, new DateOnly(2023, month, 1), new DateOnly(2023, month, 1).AddMonths(1).AddDays(-1),
            "cov_rate", 80, 90, 10, severity, "pp_drop", $"Tỷ lệ bao phủ của {unit} giảm 10 điểm %.") { UnitCode = unit };

    private static readonly AnomalyFinding[] Findings = [Drop("672", "2023-03", 3, AnomalyFinding.High), Drop("01", "2023-09", 9, AnomalyFinding.Low)];

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        await SaveAsync();
        _db = new ReportingDb(_engine);
    }

    private async Task SaveAsync()
    {
        await using var connection = await _engine.OpenAsync(CancellationToken.None);
        await new AnomalyStore(_engine).SaveAsync(connection, Findings, DateTime.UtcNow, CancellationToken.None);
    }

    private AnomalyReviewService As(string role)
    {
        var user = new SignedIn("u-" + role, role);
        return new(_engine, new AnomalyQueries(_db, new UnitCatalog(_db)), user, Audited.Over(_engine, user), NullLogger<AnomalyReviewService>.Instance);
    }

    private async Task<UnitInfo> UnitAsync(string code) =>
        (await new UnitCatalog(_db).FindAsync(Selection.Default.Set, code, CancellationToken.None))!;

    [Fact]
    public async Task ListAsync_filters_by_severity_status_unit_subtree_and_period()
    {
        var service = As(Roles.Viewer);
        var country = await UnitAsync(Selection.Default.UnitCode);

        Assert.Equal(2, (await service.ListAsync(country, new AnomalyFilter(), CancellationToken.None)).Count);
        Assert.Equal("672", Assert.Single(await service.ListAsync(country, new AnomalyFilter(Severity: "high"), CancellationToken.None)).SubjectCode);
        Assert.Equal("01", Assert.Single(await service.ListAsync(country, new AnomalyFilter(From: new DateOnly(2023, 6, 1)), CancellationToken.None)).SubjectCode);
        Assert.Equal("672", Assert.Single(await service.ListAsync(country, new AnomalyFilter(To: new DateOnly(2023, 5, 31)), CancellationToken.None)).SubjectCode);
        Assert.Empty(await service.ListAsync(country, new AnomalyFilter(Kind: AnomalyKinds.DuplicateClaim), CancellationToken.None));
        Assert.Empty(await service.ListAsync(country, new AnomalyFilter(Status: "confirmed"), CancellationToken.None));
        var province = await UnitAsync("01");
        Assert.Equal("01", Assert.Single(await service.ListAsync(province, new AnomalyFilter(), CancellationToken.None)).SubjectCode);
    }

    [Fact]
    public async Task ReviewAsync_viewer_is_refused_analyst_verdict_is_stored_and_survives_redetection()
    {
        var viewer = As(Roles.Viewer);
        var country = await UnitAsync(Selection.Default.UnitCode);
        var target = (await viewer.ListAsync(country, new AnomalyFilter(Severity: "high"), CancellationToken.None)).Single();

        Assert.False(await viewer.CanReviewAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => viewer.ReviewAsync(target.Id, "dismissed", "không", CancellationToken.None));
        Assert.Equal("open", (await viewer.ListAsync(country, new AnomalyFilter(Severity: "high"), CancellationToken.None)).Single().Status);

        var analyst = As(Roles.Analyst);
        Assert.True(await analyst.CanReviewAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => analyst.ReviewAsync(target.Id, "open", null, CancellationToken.None));
        Assert.True(await analyst.ReviewAsync(target.Id, "confirmed", "  Đã đối chiếu với BHXH tỉnh.  ", CancellationToken.None));
        Assert.False(await analyst.ReviewAsync(999_999, "confirmed", null, CancellationToken.None));
        await SaveAsync();

        var stored = Assert.Single(await viewer.ListAsync(country, new AnomalyFilter(Status: "confirmed"), CancellationToken.None));
        Assert.Equal((target.Id, "u-analyst", "Đã đối chiếu với BHXH tỉnh."), (stored.Id, stored.ReviewedBy, stored.ReviewNote));
        Assert.NotNull(stored.ReviewedAt);
        Assert.Equal("open", Assert.Single(await viewer.ListAsync(country, new AnomalyFilter(Status: "open"), CancellationToken.None)).Status);
    }

    public ValueTask DisposeAsync()
    {
        _db?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
