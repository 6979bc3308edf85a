using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Etl.Verification;

namespace Bhyt.Dashboard.Tests.Operations;

/// <summary>
/// A real dashboard process (scheduler on, no sample data) over a loaded warehouse whose last verification passed; the
/// rpt views' counts are taken before it starts, since a second process cannot open the file while the dashboard holds it.
/// </summary>
public sealed class RunningDashboardFixture : IAsyncLifetime
{
    public DashboardServer Server { get; } = new() { Environment = { ["BHYT_Sample__Enabled"] = "false" } };

    public string Warehouse => Path.Combine(Server.Folder, "bhyt.duckdb");

    public Dictionary<string, long> Counts { get; private set; } = [];

    public VerificationReport Verified { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await LoadedWarehouse.CreateAsync(Server.Folder, Warehouse);
        Verified = await LoadedWarehouse.VerifyAndStoreAsync(Warehouse);
        Counts = await LoadedWarehouse.ViewCountsAsync(Warehouse);
        await Server.InitializeAsync();
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
