using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Dashboard.Tests.Security.Sessions;
using Bhyt.Dashboard.Tests.Support;

namespace Bhyt.Dashboard.Tests.Security.SignIn;

/// <summary>Behind a reverse proxy, the per-address lockout counts the client's address the proxy forwards, and only a known proxy is believed.</summary>
[Collection(ShortSessionServerCollection.Name)]
public sealed class ForwardedAddressLockoutTests(ShortSessionServerFixture fixture)
{
    [Fact]
    public async Task Login_failures_through_the_known_proxy_lock_the_forwarded_address_not_the_proxy_nor_a_spoofer()
    {
        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(1), forwardedFor: "203.0.113.5");
            Assert.Equal(LoginErrors.WrongCredentials, LocalSignInTests.ErrorOf(await attacker.LoginAsync($"doan.ten.{i}", "sai-mat-khau")));
        }
        using var again = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(1), forwardedFor: "203.0.113.5");
        Assert.Equal(LoginErrors.LockedOut, LocalSignInTests.ErrorOf(await again.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword)));

        using var colleague = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(1), forwardedFor: "198.51.100.20");
        Assert.Null(LocalSignInTests.ErrorOf(await colleague.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword)));

        // 127.0.0.51 is no known proxy: its header is ignored and its own address (not locked) counts.
        using var spoofer = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(51), forwardedFor: "203.0.113.5");
        Assert.Null(LocalSignInTests.ErrorOf(await spoofer.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword)));
    }
}
