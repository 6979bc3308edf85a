using System.Security.Cryptography;
using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Cli;
using Bhyt.Tests.Etl.Verification;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Export;
using Dapper;
using DuckDB.NET.Data;

namespace Bhyt.Tests.Warehouse.Export;

/// <summary>
/// <c>bhyt export</c> on a warehouse loaded through the CLI (generated district: facilities, claims, submissions, a
/// restatement and resubmitted claims); the files are read back by DuckDB, an independent Parquet and CSV reader.
/// </summary>
[Collection("Console")]
public class RptExporterTests(ImportedWarehouseFixture loaded) : IClassFixture<ImportedWarehouseFixture>
{
    private static async Task<(TempWarehouse Warehouse, string Folder, ExportManifest Manifest)> ExportAsync(ImportedWarehouseFixture loaded)
    {
        var warehouse = loaded.Copy();
        var folder = Path.Combine(warehouse.Directory, "xuat");
        var run = await CliRun.RunAsync("export", "--out", folder, "--warehouse", warehouse.Path);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        return (warehouse, folder, RptExporter.ReadManifest(folder));
    }

    private static async Task<long> CountAsync(DuckDBConnection connection, string from) =>
        await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {from}");

    private static string Literal(string path) => "'" + path.Replace("'", "''") + "'";

    [Fact]
    public async Task Export_loadedWarehouse_everyRptViewAsParquetAndCsvWithItsRowsChecksumAndColumns()
    {
        var (warehouse, folder, manifest) = await ExportAsync(loaded);
        await using var _ = warehouse;
        await using var connection = new DuckDBConnection($"Data Source={warehouse.Path};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        var views = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'rpt' AND table_type = 'VIEW' ORDER BY 1")).ToList();

        Assert.Equal(views.Select(v => $"rpt.{v}"), manifest.Files.Where(f => f.Format == "parquet").Select(f => f.View));
        Assert.Equal(views.Select(v => $"rpt.{v}"), manifest.Files.Where(f => f.Format == "csv").Select(f => f.View));
        Assert.Equal(await connection.ExecuteScalarAsync<int>("SELECT max(version) FROM etl.schema_version"), manifest.SchemaVersion);
        Assert.InRange(manifest.ExportedAt, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.File);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
            Assert.Equal(file.Bytes, new FileInfo(path).Length);
            var viewRows = await CountAsync(connection, file.View);
            Assert.True(viewRows == file.Rows, $"{file.File}: manifest {file.Rows}, view {viewRows}");
            var readBack = file.Format == "parquet"
                ? await CountAsync(connection, $"read_parquet({Literal(path)})")
                : await CountAsync(connection, $"read_csv({Literal(path)}, header = true, all_varchar = true)");
            Assert.True(readBack == file.Rows, $"{file.File}: read back {readBack}, manifest {file.Rows}");
            var columns = (await connection.QueryAsync<string>(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'rpt' AND table_name = $view ORDER BY ordinal_position",
                new { view = file.View["rpt.".Length..] })).ToList();
            Assert.Equal(columns, file.Columns.Select(c => c.Name));
        }
        Assert.Contains(manifest.Files, f => f.View == "rpt.claims_monthly" && f.Rows > 0);
        Assert.Contains(manifest.Files, f => f.View == "rpt.indicator_values" && f.Rows > 1000);
    }

    [Fact]
    public async Task Export_parquetFiles_holdExactlyTheViewsRows()
    {
        var (warehouse, folder, manifest) = await ExportAsync(loaded);
        await using var _ = warehouse;
        await using var connection = new DuckDBConnection($"Data Source={warehouse.Path};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        foreach (var file in manifest.Files.Where(f => f.Format == "parquet" && f.Rows > 0))
        {
            var parquet = $"read_parquet({Literal(Path.Combine(folder, file.File))})";
            var missing = await CountAsync(connection, $"(SELECT * FROM {file.View} EXCEPT ALL SELECT * FROM {parquet})");
            var extra = await CountAsync(connection, $"(SELECT * FROM {parquet} EXCEPT ALL SELECT * FROM {file.View})");
            Assert.True(missing == 0 && extra == 0, $"{file.File}: {missing} rows of the view missing, {extra} rows not in the view");
        }
    }

    [Fact]
    public async Task Export_csvFiles_keepVietnameseNamesAndExactMoney()
    {
        var (warehouse, folder, _) = await ExportAsync(loaded);
        await using var __ = warehouse;
        await using var connection = new DuckDBConnection($"Data Source={warehouse.Path};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        var units = Literal(Path.Combine(folder, "rpt.units.csv"));
        var differentNames = await CountAsync(connection,
            $"(SELECT unit_code, name FROM rpt.units EXCEPT ALL SELECT unit_code, name FROM read_csv({units}, header = true, all_varchar = true))");
        Assert.Equal(0, differentNames);
        Assert.True(await CountAsync(connection, "rpt.units WHERE name LIKE '%ệ%' OR name LIKE '%ư%'") > 0);

        var monthly = Literal(Path.Combine(folder, "rpt.claims_monthly.csv"));
        var (fromView, fromCsv) = (
            await connection.ExecuteScalarAsync<decimal>("SELECT sum(total_cost) FROM rpt.claims_monthly"),
            await connection.ExecuteScalarAsync<decimal>($"SELECT sum(CAST(total_cost AS DECIMAL(24,2))) FROM read_csv({monthly}, header = true, all_varchar = true)"));
        Assert.True(fromView > 0);
        Assert.Equal(fromView, fromCsv);
        var firstBytes = (await File.ReadAllBytesAsync(Path.Combine(folder, "rpt.units.csv")))[..3];
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, firstBytes);
    }

    [Fact]
    public async Task Export_intoFolderOfAnEarlierExport_replacesFilesAndManifest()
    {
        var (warehouse, folder, first) = await ExportAsync(loaded);
        await using var _ = warehouse;
        var run = await CliRun.RunAsync("export", "--out", folder, "--warehouse", warehouse.Path);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var second = RptExporter.ReadManifest(folder);
        Assert.True(second.ExportedAt > first.ExportedAt);
        Assert.Equal(first.Files.Select(f => (f.File, f.Rows)), second.Files.Select(f => (f.File, f.Rows)));
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }
}
