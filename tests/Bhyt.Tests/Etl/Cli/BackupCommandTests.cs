using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Verification;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using Dapper;
using DuckDB.NET.Data;

namespace Bhyt.Tests.Etl.Cli;

/// <summary>
/// <c>bhyt backup</c> and <c>bhyt restore</c> on a warehouse loaded through the CLI (with a restated figure and resubmitted
/// claims, so history and versions are in the copy). The backup taken while the dashboard holds the file is tested in
/// the dashboard's suite (Operations).
/// </summary>
[Collection("Console")]
public class BackupCommandTests(ImportedWarehouseFixture loaded) : IClassFixture<ImportedWarehouseFixture>
{
    internal static async Task<Dictionary<string, long>> ViewCountsAsync(string warehouseFile)
    {
        await using var connection = new DuckDBConnection($"Data Source={warehouseFile};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        var views = await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'rpt' AND table_type = 'VIEW'");
        var counts = new Dictionary<string, long>();
        foreach (var view in views) counts[view] = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM rpt.\"{view}\"");
        return counts;
    }

    [Fact]
    public async Task BackupThenRestore_freshTarget_verifiesCleanWithEveryViewsCountsEqual()
    {
        await using var warehouse = loaded.Copy();
        var backup = Path.Combine(warehouse.Directory, "sao-luu", "bhyt-backup.duckdb");
        var restored = Path.Combine(warehouse.Directory, "khoi-phuc", "bhyt.duckdb");

        var saved = await CliRun.RunAsync("backup", "--out", backup, "--warehouse", warehouse.Path);
        Assert.True(saved.ExitCode == ExitCodes.Ok, saved.ToString());
        Assert.True(File.Exists(backup));
        Assert.False(File.Exists(backup + ".partial"));
        var restore = await CliRun.RunAsync("restore", backup, "--warehouse", restored);
        Assert.True(restore.ExitCode == ExitCodes.Ok, restore.ToString());
        Assert.Contains("không có phát hiện nào", restore.Out);

        var expected = await ViewCountsAsync(warehouse.Path);
        Assert.Contains(expected, c => c.Key == "claim_versions" && c.Value > 0);
        Assert.Equal(expected.OrderBy(c => c.Key), (await ViewCountsAsync(restored)).OrderBy(c => c.Key));
    }

    [Fact]
    public async Task Restore_thenImport_sequencesContinueAfterTheBackupsKeys()
    {
        await using var warehouse = loaded.Copy();
        var backup = Path.Combine(warehouse.Directory, "backup.duckdb");
        var restored = Path.Combine(warehouse.Directory, "restored.duckdb");
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("backup", "--out", backup, "--warehouse", warehouse.Path)).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("restore", backup, "--warehouse", restored)).ExitCode);
        var lastBefore = (await WarehouseEngine.For(restored).QueryAsync<long>("SELECT max(submission_id) FROM rpt.submissions")).Single();

        var file = Path.Combine(warehouse.Directory, "them.csv");
        await File.WriteAllTextAsync(file, "unit_code,unit_name,period,indicator,value,value_kind\n68,,2019,cov_rate,\"91,5%\",actual\n");
        var import = await CliRun.RunAsync("import", file, "--warehouse", restored);

        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        Assert.Contains($"submission={lastBefore + 1}", import.Out);
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("verify", "--warehouse", restored)).ExitCode);
    }

    [Fact]
    public async Task Backup_whileAnotherConnectionHoldsUncommittedRows_copiesTheCommittedSnapshotOnly()
    {
        await using var warehouse = loaded.Copy();
        var backup = Path.Combine(warehouse.Directory, "backup.duckdb");
        var committed = await CountSubmissionsAsync(warehouse.Path);
        var engine = WarehouseEngine.For(warehouse.Path);
        await using (var loading = await engine.OpenAsync(CancellationToken.None))
        {
            await using var transaction = await loading.BeginTransactionAsync();
            await loading.ExecuteAsync("""
                INSERT INTO etl.submission (submission_id, file_name, sha256, kind, received_at, status, rows_loaded, rows_rejected, warnings)
                VALUES (999999, 'dang-nap.csv', 'abc', 'submission', now(), 'loaded', 0, 0, 0)
                """, transaction: transaction);
            await engine.BackupAsync(backup, CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal(committed + 1, await CountSubmissionsAsync(warehouse.Path));
        Assert.Equal(committed, await CountSubmissionsAsync(backup));
    }

    private static async Task<long> CountSubmissionsAsync(string file)
    {
        await using var connection = new DuckDBConnection($"Data Source={file}");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM etl.submission");
    }

    [Fact]
    public async Task Backup_ontoAnExistingFile_refusedWithExit2AndTheFileUntouched()
    {
        await using var warehouse = loaded.Copy();
        var existing = Path.Combine(warehouse.Directory, "cu.duckdb");
        await File.WriteAllTextAsync(existing, "bản sao lưu cũ");

        var run = await CliRun.RunAsync("backup", "--out", existing, "--warehouse", warehouse.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("[backup.exists]", run.Error);
        Assert.Equal("bản sao lưu cũ", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task Restore_ontoAnExistingWarehouse_refusedWithExit2()
    {
        await using var warehouse = loaded.Copy();
        var backup = Path.Combine(warehouse.Directory, "backup.duckdb");
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("backup", "--out", backup, "--warehouse", warehouse.Path)).ExitCode);
        var before = await CountSubmissionsAsync(warehouse.Path);

        var run = await CliRun.RunAsync("restore", backup, "--warehouse", warehouse.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("[restore.target_exists]", run.Error);
        Assert.Equal(before, await CountSubmissionsAsync(warehouse.Path));
    }

    [Fact]
    public async Task Restore_fileThatIsNotABackup_refusedWithExit2AndNoTargetLeft()
    {
        await using var folder = TempWarehouse.Empty();
        var notBackup = Path.Combine(folder.Directory, "bao-cao.csv");
        await File.WriteAllTextAsync(notBackup, "unit_code,unit_name,period,indicator,value\n68,,2020,cov_rate,90\n");
        var target = Path.Combine(folder.Directory, "moi.duckdb");

        var run = await CliRun.RunAsync("restore", notBackup, "--warehouse", target);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("[restore.not_a_backup]", run.Error);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(folder.Directory, "*.partial*"));
    }
}
