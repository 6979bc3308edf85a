using Bhyt.Etl.Dictionary;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Dictionary;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Tests.Warehouse.Dictionary;

/// <summary>
/// The data dictionary is complete and current: every rpt view and column of a warehouse built by <c>init</c> carries the
/// description of sql/dictionary, and the files rendered from it (both engines' scripts, docs/DICTIONARY.md) are up to date.
/// A new rpt view fails here until its file sql/dictionary/&lt;view&gt;.txt exists and <c>bhyt dictionary</c> has run.
/// </summary>
public class DictionaryCompletenessTests(InitialisedWarehouseFixture fixture) : IClassFixture<InitialisedWarehouseFixture>
{
    private const string HowToFix =
        "Describe it in sql/dictionary/<view>.txt (one line per column: column | meaning | unit | example), then run " +
        "`dotnet etl/bin/Release/net10.0/bhyt.dll dictionary` from the clone's root and rebuild.";

    private static IReadOnlyList<ViewDescription> Source() => DictionarySource.Read(RepositoryRoot.Directory, DictionaryVocabularies.All);

    private async Task<IReadOnlyList<CatalogView>> CatalogAsync()
    {
        using var db = new ReportingDb(fixture.Warehouse.Engine);
        return await new RptCatalog(db).ReadAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Catalog_every_rpt_view_and_column_has_a_description()
    {
        var catalog = await CatalogAsync();

        var missing = RptCatalog.Undescribed(catalog);

        Assert.True(catalog.Count >= 21, $"only {catalog.Count} rpt views in the catalog");
        Assert.True(missing.Count == 0, $"No description for: {string.Join(", ", missing)}. {HowToFix}");
    }

    [Fact]
    public async Task Undescribed_a_view_added_without_a_description_is_named_with_each_of_its_columns()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await using (var connection = await warehouse.Engine.OpenAsync(TestContext.Current.CancellationToken))
            await Dapper.SqlMapper.ExecuteAsync(connection, "CREATE VIEW rpt.nhat_ky_thu AS SELECT now() AS at, 'admin' AS user_name");
        using var db = new ReportingDb(warehouse.Engine);

        var missing = RptCatalog.Undescribed(await new RptCatalog(db).ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["rpt.nhat_ky_thu", "rpt.nhat_ky_thu.at", "rpt.nhat_ky_thu.user_name"], missing);
    }

    [Fact]
    public async Task Catalog_holds_exactly_the_source_descriptions_and_the_source_describes_nothing_else()
    {
        var catalog = (await CatalogAsync()).ToDictionary(v => v.View);

        foreach (var view in Source())
        {
            Assert.True(catalog.TryGetValue(view.View, out var held), $"sql/dictionary/{view.View}.txt describes rpt.{view.View}, which the warehouse lacks");
            Assert.Equal(view.Text, held.Description);
            var columns = held.Columns.ToDictionary(c => c.Column);
            foreach (var column in view.Columns)
            {
                Assert.True(columns.TryGetValue(column.Column, out var heldColumn), $"sql/dictionary/{view.View}.txt describes rpt.{view.View}.{column.Column}, which the view lacks");
                Assert.Equal(column.Text, heldColumn.Description);
            }
            Assert.Equal(held.Columns.Select(c => c.Column), view.Columns.Select(c => c.Column));
        }
    }

    [Fact]
    public async Task ReadAsync_over_the_analysts_read_only_connection_sees_the_same_descriptions()
    {
        var engine = fixture.Warehouse.Engine;
        await using var readOnly = await engine.OpenReadOnlyAsync(TestContext.Current.CancellationToken);

        var seen = await RptCatalog.ReadAsync(readOnly, engine, TestContext.Current.CancellationToken);

        Assert.Equal(await CatalogAsync(), seen, new CatalogViewComparer());
    }

    private sealed class CatalogViewComparer : IEqualityComparer<CatalogView>
    {
        public bool Equals(CatalogView? x, CatalogView? y) =>
            x!.View == y!.View && x.Description == y.Description && x.Columns.SequenceEqual(y.Columns);

        public int GetHashCode(CatalogView obj) => obj.View.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedFiles_scripts_and_DICTIONARY_md_are_what_the_source_renders_now()
    {
        var stale = DictionaryFiles.Stale(RepositoryRoot.Directory, DictionaryVocabularies.All);

        Assert.True(stale.Count == 0,
            $"Stale against sql/dictionary: {string.Join(", ", stale.Select(f => f.Path))}. Run `dotnet etl/bin/Release/net10.0/bhyt.dll dictionary` " +
            "from the clone's root, rebuild, and commit the files it writes.");
    }

    [Fact]
    public void Markdown_lists_every_anomaly_kind_with_its_meaning_and_the_kind_column_names_them()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot.Directory, DictionaryMarkdown.Path));
        var kind = Source().Single(v => v.View == "anomalies").Columns.Single(c => c.Column == "kind").Text.Meaning;

        Assert.NotEmpty(Bhyt.Etl.Detection.AnomalyKinds.Descriptions);
        foreach (var (code, meaning) in Bhyt.Etl.Detection.AnomalyKinds.Descriptions)
        {
            Assert.Contains($"| `{code}` | {meaning} |", markdown);
            Assert.Contains($"{code} ({meaning})", kind);
        }
    }
}
