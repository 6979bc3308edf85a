using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Import;
using Bhyt.Etl.Reporting.Annex;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>
/// <i>Xuất phụ lục</i> on a real DuckDB warehouse holding the Đà Lạt sample: an analyst downloads the same annex
/// <c>bhyt report annex</c> writes; a viewer is refused by the server whatever the page shows.
/// </summary>
public sealed class AnnexDownloadTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-annex-").FullName;
    private IWarehouseEngine _engine = default!;

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        var sample = Path.Combine(RepositoryRoot.Path, "dashboard", "SampleData", "Data", "seed_001_figures.csv");
        await (await ImportService.CreateAsync(_engine, CancellationToken.None)).ImportAsync(sample, new ImportOptions(), null, CancellationToken.None);
    }

    private AnnexDownload As(string role) =>
        new(_engine, new UnitCatalog(new ReportingDb(_engine)), new SignedIn("u-" + role, role), NullLogger<AnnexDownload>.Instance);

    [Fact]
    public async Task BuildAsync_analyst_getsTheAnnexTheCommandLineWrites()
    {
        var file = await As(Roles.Analyst).BuildAsync(BoundarySets.Pre2025, "672", AnnexDownload.DefaultPeriods, [4, 5, 6, 7, 8, 9], AnnexFormat.Word, blank: false, CancellationToken.None);
        var cli = Path.Combine(_folder, "dalat.docx");
        await using (var output = File.Create(cli))
            await new AnnexExport(_engine).WriteAsync(new AnnexRequest("672", AnnexPeriods.Parse(AnnexDownload.DefaultPeriods), AnnexForms.All), AnnexFormat.Word, output, CancellationToken.None);

        Assert.Equal("phu-luc-672.docx", file.FileName);
        Assert.Equal(Tables(File.ReadAllBytes(cli)), Tables(file.Content));
        Assert.Equal(6, Tables(file.Content).Count);
        Assert.Contains("131.408", Tables(file.Content)[0]);
    }

    [Fact]
    public async Task BuildAsync_viewer_isRefusedOnTheServer()
    {
        var viewer = As(Roles.Viewer);

        Assert.False(await viewer.CanExportAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            viewer.BuildAsync(BoundarySets.Pre2025, "672", AnnexDownload.DefaultPeriods, [4], AnnexFormat.Excel, blank: false, CancellationToken.None));
    }

    private static List<string> Tables(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        return document.MainDocumentPart!.Document!.Body!.Elements<Table>().Select(t => t.InnerText).ToList();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
