using Bhyt.Etl.Import;

namespace Bhyt.Tests.Support;

/// <summary>Rows of a submission CSV (long format, <see cref="CoverageMonths.Header"/>) imported into a test warehouse through the import path.</summary>
public static class SubmissionRows
{
    /// <summary>Writes the rows under the header to a new file beside the warehouse and imports it; the import must not be rejected.</summary>
    public static async Task ImportAsync(TempWarehouse warehouse, IEnumerable<string> rows)
    {
        var path = Path.Combine(warehouse.Directory, $"s{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, [CoverageMonths.Header, .. rows]);
        var result = await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
        Assert.False(result.IsRejected, string.Join("; ", result.Issues.Select(i => i.Message)));
    }

    /// <inheritdoc cref="ImportAsync(TempWarehouse, IEnumerable{string})"/>
    public static Task ImportAsync(TempWarehouse warehouse, params string[] rows) => ImportAsync(warehouse, (IEnumerable<string>)rows);
}
