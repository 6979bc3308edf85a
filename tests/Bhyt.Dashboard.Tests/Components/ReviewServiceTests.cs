using Bhyt.Dashboard.Components.Pages.Review;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Import;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>
/// The review page's service on a real DuckDB warehouse: a viewer reads the candidates but the server refuses their
/// accept and reject (whatever the page shows); an analyst's accept loads the figure and records who.
/// </summary>
public sealed class ReviewServiceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-review-").FullName;
    private IWarehouseEngine _engine = default!;
    private ReportingDb _db = default!;

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        var path = Path.Combine(_folder, "bao-cao.txt");
        await File.WriteAllTextAsync(path, "Báo cáo kết quả năm 2022\n\nTỷ lệ bao phủ BHYT của thành phố đạt 89,6% dân số.\n");
        await (await ImportService.CreateAsync(_engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(ImportKinds.Report, "672"), null, CancellationToken.None);
        _db = new ReportingDb(_engine);
    }

    private ReviewService As(string role) =>
        new(_engine, new FigureCandidateQueries(_db), new SignedIn("u-" + role, role), FixedUnitAccess.Country,
            NullLogger<ReviewService>.Instance);

    [Fact]
    public async Task A_viewer_reads_candidates_but_cannot_accept_or_reject_them_an_analyst_can()
    {
        var viewer = As(Roles.Viewer);
        var candidate = Assert.Single(await viewer.ListAsync("open", null, CancellationToken.None));

        Assert.False(await viewer.CanReviewAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => viewer.AcceptAsync(candidate.CandidateId, new CandidateCorrection(), CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => viewer.RejectAsync(candidate.CandidateId, CancellationToken.None));
        Assert.Equal("open", Assert.Single(await viewer.ListAsync(null, "672", CancellationToken.None)).Status);

        var saved = await As(Roles.Analyst).AcceptAsync(candidate.CandidateId, new CandidateCorrection(), CancellationToken.None);

        var accepted = Assert.Single(await viewer.ListAsync("accepted", null, CancellationToken.None));
        Assert.Equal(("u-analyst", saved.SubmissionId), (accepted.ReviewedBy, accepted.AcceptedSubmissionId));
        Assert.Equal("89,6%", accepted.Parts.Number);
        Assert.Empty(await viewer.ListAsync("open", null, CancellationToken.None));
    }

    public ValueTask DisposeAsync()
    {
        _db.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
