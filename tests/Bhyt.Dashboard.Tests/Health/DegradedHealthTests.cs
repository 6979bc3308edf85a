using System.Net;
using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Dashboard.Tests.Operations;
using Bhyt.Etl.Verification;

namespace Bhyt.Dashboard.Tests.Health;

/// <summary>
/// A dashboard without the in-process scheduler (a separate <c>bhyt schedule</c> worker imports) over a warehouse damaged
/// by hand, whose last stored verification found it.
/// </summary>
public sealed class DamagedWarehouseFixture : IAsyncLifetime
{
    public DashboardServer Server { get; } = new() { Environment = { ["BHYT_Sample__Enabled"] = "false", ["BHYT_Scheduler__Enabled"] = "false" } };

    public VerificationReport Verified { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var warehouse = Path.Combine(Server.Folder, "bhyt.duckdb");
        await LoadedWarehouse.CreateAsync(Server.Folder, warehouse);
        await LoadedWarehouse.ExecuteAsync(warehouse,
            "UPDATE etl.submission SET rows_loaded = rows_loaded - 1 WHERE submission_id = (SELECT min(submission_id) FROM etl.submission WHERE kind = 'claims')");
        Verified = await LoadedWarehouse.VerifyAndStoreAsync(warehouse);
        await Server.InitializeAsync();
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

public class DegradedHealthTests(DamagedWarehouseFixture damaged) : IClassFixture<DamagedWarehouseFixture>
{
    [Fact]
    public async Task Health_lastVerifyFoundSomethingAndNoScheduler_degradedAnswered200WithoutTheFindings()
    {
        Assert.NotEmpty(damaged.Verified.Findings);

        var (status, body, text) = await HealthEndpointTests.HealthAsync(damaged.Server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("reachable", HealthEndpointTests.Check(body, "warehouse", "description"));
        Assert.Equal("disabled", HealthEndpointTests.Check(body, "scheduler", "description"));
        Assert.Equal("findings", HealthEndpointTests.Check(body, "verify", "description"));
        Assert.False(body.GetProperty("checks").GetProperty("verify").GetProperty("data").GetProperty("passed").GetBoolean());
        foreach (var finding in damaged.Verified.Findings)
        {
            Assert.DoesNotContain(finding.Code, text);
            Assert.DoesNotContain(finding.Table, text);
        }
    }
}
