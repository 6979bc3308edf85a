using Bhyt.Etl.Generation;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Generation.ClaimsXml;

/// <summary>
/// One small province generated twice with one seed — claims as XML and as CSV — each imported into its own real DuckDB
/// warehouse (facilities, then every claims file of the folder), for the tests that compare and read them.
/// </summary>
public sealed class GeneratedClaimsXmlFixture : IAsyncLifetime
{
    public const long Claims = 4_000;
    public const int ClaimsPerFile = 1_500;
    private const int Seed = 11;

    private readonly string _root = Directory.CreateTempSubdirectory("bhyt-genxml-").FullName;

    public string XmlDirectory => Path.Combine(_root, "xml");
    public string CsvDirectory => Path.Combine(_root, "csv");
    public GenerationSummary XmlSummary { get; private set; } = null!;
    public TempWarehouse XmlWarehouse { get; private set; } = null!;
    public TempWarehouse CsvWarehouse { get; private set; } = null!;
    public List<ImportResult> XmlImports { get; } = [];

    public async ValueTask InitializeAsync()
    {
        XmlSummary = SyntheticDataGenerator.Run(Options(XmlDirectory, GenerationOptions.Xml), TextWriter.Null);
        SyntheticDataGenerator.Run(Options(CsvDirectory, GenerationOptions.Csv), TextWriter.Null);
        XmlWarehouse = await TempWarehouse.InitialisedAsync();
        CsvWarehouse = await TempWarehouse.InitialisedAsync();
        XmlImports.AddRange(await ImportClaimsAsync(XmlWarehouse, XmlDirectory));
        await ImportClaimsAsync(CsvWarehouse, CsvDirectory);
    }

    private static GenerationOptions Options(string directory, string format) =>
        new(directory, "province", 2009, 2024, Claims, Seed, Format: format, ClaimsPerFile: ClaimsPerFile);

    /// <summary>facilities.csv, then the claims files, as <c>bhyt import</c> of the folder orders them; the figures files are left out.</summary>
    private static async Task<List<ImportResult>> ImportClaimsAsync(TempWarehouse warehouse, string directory)
    {
        var service = await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None);
        var results = new List<ImportResult>();
        foreach (var file in ImportService.ExpandPaths([directory]).Where(f => Path.GetFileName(f) is not ("submissions.csv" or "fund.csv")))
            results.Add(await service.ImportAsync(file, new ImportOptions(), null, CancellationToken.None));
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await XmlWarehouse.DisposeAsync();
        await CsvWarehouse.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>The test classes that share one <see cref="GeneratedClaimsXmlFixture"/> (generated and imported once).</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedClaimsXmlCollection : ICollectionFixture<GeneratedClaimsXmlFixture>
{
    public const string Name = "Generated claims XML";
}
