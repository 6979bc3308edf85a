using AngleSharp.Dom;
using Bunit;
using Bhyt.Dashboard.Components.Pages.Dictionary;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Dictionary;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bhyt.Dashboard.Tests.Components.Pages.Dictionary;

/// <summary>The Từ điển dữ liệu page over a real warehouse: what its catalog holds, searched without tones.</summary>
public sealed class DataDictionaryTests : BunitContext, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-dictionary-").FullName;
    private IWarehouseEngine _engine = default!;
    private ReportingDb _db = default!;

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        _db = new ReportingDb(_engine);
        Services.AddSingleton(new DataDictionaryService(new RptCatalog(_db)));
    }

    public new async ValueTask DisposeAsync()
    {
        _db.Dispose();
        await base.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a connection still closing; the temp cleaner takes it */ }
    }

    private async Task<int> CatalogColumnsAsync()
    {
        await using var connection = await _engine.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM duckdb_columns() c JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name WHERE c.schema_name = 'rpt'");
    }

    private static IElement Row(IRenderedComponent<DataDictionary> page, string view, string column) =>
        page.Find($"section[data-view='{view}'] tr[data-column='{column}']");

    [Fact]
    public async Task Page_lists_every_rpt_column_with_its_meaning_unit_and_example_from_the_catalog()
    {
        var page = Render<DataDictionary>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.dictionary-view")));
        Assert.Equal(await CatalogColumnsAsync(), page.FindAll("section.dictionary-view tbody tr").Count);
        Assert.Empty(page.FindAll("tr.missing"));
        var cells = Row(page, "claims_monthly", "total_cost").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("total_cost", cells[0]);
        Assert.StartsWith("DECIMAL", cells[1]);
        Assert.Contains("T_TONGCHI", cells[2]);
        Assert.Equal("đồng", cells[3]);
        Assert.Equal("3.450.000.000", cells[4]);
    }

    [Fact]
    public void Page_search_without_tones_keeps_matching_columns_and_views_matched_by_name_whole()
    {
        var page = Render<DataDictionary>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.dictionary-view")));

        page.Find("#dictionary-search").Input("chi phi thuoc");

        Assert.Equal("drug_cost", Row(page, "claims_monthly", "drug_cost").GetAttribute("data-column"));
        Assert.Empty(page.FindAll("section[data-view='units']"));
        Assert.Empty(page.FindAll("section[data-view='claims_monthly'] tr[data-column='month']"));

        page.Find("#dictionary-search").Input("rpt.units");

        Assert.Equal(8, page.FindAll("section[data-view='units'] tbody tr").Count);
    }

    [Fact]
    public async Task Page_shows_what_the_engine_holds_a_removed_comment_is_marked_missing()
    {
        await using (var connection = await _engine.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync("COMMENT ON COLUMN rpt.units.level IS NULL");

        var page = Render<DataDictionary>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.dictionary-view")));
        var missing = Assert.Single(page.FindAll("tr.missing"));
        Assert.Equal("level", missing.GetAttribute("data-column"));
        Assert.Contains("Chưa có mô tả", missing.TextContent);
    }

    [Fact]
    public void Page_opened_with_a_search_in_its_link_shows_only_what_matches()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/tu-dien?q=sha256");

        var page = Render<DataDictionary>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.dictionary-view")));
        Assert.Equal("sha256", page.Find("#dictionary-search").GetAttribute("value"));
        Assert.Equal(["sha256"], page.FindAll("section[data-view='submissions'] tbody tr").Select(r => r.GetAttribute("data-column")));
        Assert.Contains("khớp “sha256”", page.Find("#dictionary-summary").TextContent);
    }

    [Fact]
    public void Search_blank_query_keeps_every_view()
    {
        IReadOnlyList<CatalogView> views = [new("units", null, [new("unit_code", "VARCHAR", null)])];

        Assert.Same(views, DataDictionaryService.Search(views, "  "));
    }
}
