using Bhyt.Dashboard.Tests.EndToEnd;

namespace Bhyt.Dashboard.Tests.Security.Sessions;

/// <summary>
/// A dashboard process whose sessions are short enough to watch them end (idle 3 s, at most 8 s), behind a
/// "reverse proxy" on 127.0.0.1 whose <c>X-Forwarded-For</c> it trusts (<c>Network:KnownProxies</c>).
/// </summary>
public sealed class ShortSessionServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(8);

    public DashboardServer Server { get; } = new()
    {
        Environment =
        {
            ["BHYT_Sample__Enabled"] = "false",
            ["BHYT_Scheduler__Enabled"] = "false",
            ["BHYT_Auth__Session__IdleTimeout"] = IdleTimeout.ToString("c"),
            ["BHYT_Auth__Session__MaxLifetime"] = MaxLifetime.ToString("c"),
            ["BHYT_Network__KnownProxies"] = "127.0.0.1",
        },
    };

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ShortSessionServerCollection : ICollectionFixture<ShortSessionServerFixture>
{
    public const string Name = "ShortSessionServer";
}
