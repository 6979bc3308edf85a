using System.Net;
using System.Text.Json;
using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Dashboard.Tests.Operations;

namespace Bhyt.Dashboard.Tests.Health;

/// <summary><c>GET /healthz</c> of real dashboard processes, without signing in.</summary>
[Collection(OperationsCollection.Name)]
public class HealthEndpointTests(RunningDashboardFixture running)
{
    internal static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> HealthAsync(DashboardServer server)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var response = await http.GetAsync("/healthz");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    internal static string Check(JsonElement body, string check, string property) =>
        body.GetProperty("checks").GetProperty(check).GetProperty(property).GetString()!;

    [Fact]
    public async Task Health_runningDashboardWhoseLastVerifyPassed_healthyWithSchedulerRunningAndVerifyTime()
    {
        var (status, body, text) = await HealthAsync(running.Server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("reachable", Check(body, "warehouse", "description"));
        Assert.Equal("running", Check(body, "scheduler", "description"));
        var verify = body.GetProperty("checks").GetProperty("verify");
        Assert.Equal("passed", verify.GetProperty("description").GetString());
        Assert.True(verify.GetProperty("data").GetProperty("passed").GetBoolean());
        var lastRun = DateTime.Parse(verify.GetProperty("data").GetProperty("last_run").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.True(Math.Abs((lastRun - running.Verified.FinishedAt).TotalSeconds) < 1, $"{lastRun:O} vs {running.Verified.FinishedAt:O}");
        Assert.DoesNotContain(running.Server.Folder, text);
        Assert.DoesNotContain(".duckdb", text);
    }
}
