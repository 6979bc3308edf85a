using System.Net;
using System.Net.Http.Json;
using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Cli;
using Bhyt.Warehouse.Export;
using Bhyt.Warehouse.Operations;
using DuckDB.NET.Data;

namespace Bhyt.Dashboard.Tests.Operations;

/// <summary>
/// <c>bhyt backup</c>, <c>restore</c> and <c>export</c> while a real dashboard process holds the embedded warehouse open:
/// the dashboard does the work in its own process, and the copies equal what was loaded.
/// </summary>
[Collection(OperationsCollection.Name)]
public class OperationsEndpointsTests(RunningDashboardFixture running)
{
    /// <summary>Signs in and opens Tổng quan, whose queries make the dashboard hold the file; proves a second process cannot open it.</summary>
    private async Task HoldTheWarehouseAsync()
    {
        using var browser = new SignInClient(running.Server.BaseUrl, SignInClient.Loopback(1), followRedirects: true);
        await browser.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var refused = await Assert.ThrowsAnyAsync<DuckDBException>(async () =>
        {
            await using var second = new DuckDBConnection($"Data Source={running.Warehouse};ACCESS_MODE=READ_ONLY");
            await second.OpenAsync();
        });
        Assert.Contains("lock", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Backup_whileTheDashboardHoldsTheWarehouse_takenByTheDashboardAndRestoredWithEqualCounts()
    {
        await HoldTheWarehouseAsync();
        var backup = Path.Combine(running.Server.Folder, "sao-luu", $"bhyt-{Guid.NewGuid():N}.duckdb");
        var restored = Path.Combine(running.Server.Folder, "khoi-phuc", $"bhyt-{Guid.NewGuid():N}.duckdb");

        var (saved, savedOutput) = await LoadedWarehouse.BhytAsync("backup", "--out", backup, "--warehouse", running.Warehouse);
        var (restoredCode, restoreOutput) = await LoadedWarehouse.BhytAsync("restore", backup, "--warehouse", restored);

        Assert.True(saved == ExitCodes.Ok, savedOutput);
        Assert.Contains("do bảng điều khiển đang giữ kho thực hiện", savedOutput);
        Assert.True(restoredCode == ExitCodes.Ok, restoreOutput);
        Assert.Contains("không có phát hiện nào", restoreOutput);
        var counts = await LoadedWarehouse.ViewCountsAsync(restored);
        // rpt.audit is a live log (the host appends to it while it runs): every other view is compared.
        Assert.Equal(running.Counts.Where(c => c.Key != "rpt.audit").OrderBy(c => c.Key), counts.Where(c => c.Key != "rpt.audit").OrderBy(c => c.Key));
        Assert.True(counts["rpt.claims_monthly"] > 0 && counts["rpt.indicator_values"] > 0);
    }

    [Fact]
    public async Task Export_whileTheDashboardHoldsTheWarehouse_manifestRowsEqualTheViews()
    {
        await HoldTheWarehouseAsync();
        var folder = Path.Combine(running.Server.Folder, $"xuat-{Guid.NewGuid():N}");

        var (code, output) = await LoadedWarehouse.BhytAsync("export", "--out", folder, "--warehouse", running.Warehouse);

        Assert.True(code == ExitCodes.Ok, output);
        var manifest = RptExporter.ReadManifest(folder);
        // rpt.audit is a live log (the export itself and the host's sign-ins append to it): every other view is compared.
        Assert.Equal(running.Counts.Where(c => c.Key != "rpt.audit").OrderBy(c => c.Key),
            manifest.Files.Where(f => f.Format == "parquet" && f.View != "rpt.audit").Select(f => KeyValuePair.Create(f.View, f.Rows)).OrderBy(c => c.Key));
        await using var reader = new DuckDBConnection("Data Source=:memory:");
        await reader.OpenAsync();
        foreach (var file in manifest.Files.Where(f => f.Format == "parquet"))
        {
            await using var count = reader.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM read_parquet('{Path.Combine(folder, file.File)}')";
            Assert.Equal(file.Rows, Convert.ToInt64(await count.ExecuteScalarAsync()));
        }
    }

    [Fact]
    public async Task OperationsEndpoint_withoutTheOwnersToken_forbiddenAndNothingWritten()
    {
        var owner = WarehouseOwnerFile.Read(running.Warehouse);
        Assert.NotNull(owner);
        Assert.Equal(running.Server.BaseUrl, owner.Url);
        var target = Path.Combine(running.Server.Folder, "khong-duoc.duckdb");
        using var http = new HttpClient { BaseAddress = new Uri(running.Server.BaseUrl) };

        var anonymous = await http.PostAsJsonAsync("/operations/backup", new OperationRequest(target));
        http.DefaultRequestHeaders.Authorization = new("Bearer", new string('0', owner.Token.Length));
        var wrongToken = await http.PostAsJsonAsync("/operations/export", new OperationRequest(target));

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.False(File.Exists(target) || Directory.Exists(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(WarehouseOwnerFile.PathFor(running.Warehouse)));
    }
}

[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<RunningDashboardFixture>
{
    public const string Name = "RunningDashboard";
}
