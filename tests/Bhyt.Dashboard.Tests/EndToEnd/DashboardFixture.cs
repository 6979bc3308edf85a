namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>One dashboard server and one browser shared by the end-to-end tests (starting them is the slow part).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public DashboardServer Server { get; } = new();
    public BrowserSession Browser { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Browser.InitializeAsync();
        if (Browser.Browser is null) return;
        await Server.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
