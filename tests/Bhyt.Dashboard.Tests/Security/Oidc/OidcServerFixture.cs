using Bhyt.Dashboard.Tests.EndToEnd;

namespace Bhyt.Dashboard.Tests.Security.Oidc;

/// <summary>The loopback provider, and a real dashboard process configured to sign in with it (roles and unit mapped by settings).</summary>
public sealed class OidcServerFixture : IAsyncLifetime
{
    public LoopbackIdentityProvider Provider { get; } = new();
    public DashboardServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Provider.StartAsync();
        Server = new DashboardServer
        {
            Environment =
            {
                ["BHYT_Sample__Enabled"] = "false",
                ["BHYT_Scheduler__Enabled"] = "false",
                ["BHYT_Auth__Oidc__Authority"] = Provider.Authority,
                ["BHYT_Auth__Oidc__ClientId"] = LoopbackIdentityProvider.ClientId,
                ["BHYT_Auth__Oidc__ClientSecret"] = LoopbackIdentityProvider.ClientSecret,
                ["BHYT_Auth__Oidc__RequireHttpsMetadata"] = "false",
                ["BHYT_Auth__Oidc__RoleClaim"] = "roles",
                ["BHYT_Auth__Oidc__RoleMap__BHXH-LanhDao"] = "viewer",
                ["BHYT_Auth__Oidc__RoleMap__BHXH-PhanTich"] = "analyst",
                ["BHYT_Auth__Oidc__RoleMap__BHXH-QuanTri"] = "admin",
                ["BHYT_Auth__Oidc__UnitClaim"] = "bhyt_unit",
            },
        };
        await Server.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
