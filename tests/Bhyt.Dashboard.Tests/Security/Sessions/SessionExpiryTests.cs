using System.Diagnostics;
using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Dashboard.Tests.Support;

namespace Bhyt.Dashboard.Tests.Security.Sessions;

/// <summary>Sessions over real HTTP: the cookie slides while used, ends when idle, and ends at the absolute lifetime however busy.</summary>
[Collection(ShortSessionServerCollection.Name)]
public sealed class SessionExpiryTests(ShortSessionServerFixture fixture)
{
    private SignInClient SignedInClient(int last) => new(fixture.Server.BaseUrl, SignInClient.Loopback(last));

    [Fact]
    public async Task Session_left_idle_past_the_idle_timeout_ends()
    {
        using var client = SignedInClient(41);
        await client.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword);
        Assert.True(await client.IsSignedInAsync());

        await Task.Delay(ShortSessionServerFixture.IdleTimeout + TimeSpan.FromSeconds(1));

        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task Session_in_use_slides_past_the_idle_timeout_but_ends_at_the_absolute_lifetime()
    {
        using var client = SignedInClient(42);
        await client.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword);
        var since = Stopwatch.StartNew();

        while (await client.GetAsync("/account/session") is { StatusCode: System.Net.HttpStatusCode.NoContent })
        {
            Assert.True(since.Elapsed < ShortSessionServerFixture.MaxLifetime * 2, "the session outlived its absolute lifetime");
            await Task.Delay(700);
        }

        Assert.True(since.Elapsed > ShortSessionServerFixture.IdleTimeout * 2, $"ended after {since.Elapsed}");
        Assert.True(since.Elapsed > ShortSessionServerFixture.MaxLifetime - TimeSpan.FromSeconds(1), $"ended after {since.Elapsed}");
        Assert.False(await client.IsSignedInAsync());
    }
}
