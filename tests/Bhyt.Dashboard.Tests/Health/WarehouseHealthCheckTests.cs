using Bhyt.Dashboard.Health;
using Bhyt.Warehouse.Engines;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bhyt.Dashboard.Tests.Health;

public class WarehouseHealthCheckTests
{
    [Fact]
    public async Task CheckHealth_sqlServerNobodyListensOn_unhealthyUnreachableWithoutTheConnectionString()
    {
        const string password = "mat-khau-bi-mat";
        var engine = WarehouseEngine.For($"Server=127.0.0.1,1;Database=bhyt;User Id=etl;Password={password};Connect Timeout=2;Encrypt=false");

        var result = await new WarehouseHealthCheck(engine).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("unreachable", result.Description);
        Assert.DoesNotContain(password, result.Description);
    }

    /// <summary>Another process (an analyst's long <c>bhyt sql</c>) holds the file: after the engine's lock wait (10 s) the check says busy.</summary>
    [Fact]
    public async Task CheckHealth_duckDbFileHeldByAnotherProcess_unhealthyBusy()
    {
        var folder = Directory.CreateTempSubdirectory("bhyt-health-").FullName;
        var file = Path.Combine(folder, "bhyt.duckdb");
        await Operations.LoadedWarehouse.BhytAsync("init", "--warehouse", file);
        var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet",
            [Path.Combine(Support.RepositoryRoot.Path, "etl", "bin", Support.RepositoryRoot.Configuration, "net10.0", "bhyt.dll"), "sql", "SELECT count(*) FROM range(100000000000)", "--warehouse", file, "--timeout", "40"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            var result = await new WarehouseHealthCheck(WarehouseEngine.For(file)).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

            Assert.False(holder.HasExited, "the process holding the file ended before the check");
            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Equal("busy", result.Description);
        }
        finally
        {
            holder.Kill();
            await holder.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
