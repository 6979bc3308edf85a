using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;

namespace Bhyt.Dashboard.Tests.Security.Sessions;

[Collection(SignInServerCollection.Name)]
public sealed class SignOutEverywhereTests(SignInServerFixture fixture)
{
    private const string Password = "mat-khau-hai-may-tinh";

    [Fact]
    public async Task LogoutEverywhere_from_one_machine_ends_the_sessions_on_the_others()
    {
        fixture.Users.Save("hai.may", "Hai máy", Roles.Viewer, Password);
        using var office = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(21));
        using var home = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(22));
        await office.LoginAsync("hai.may", Password);
        await home.LoginAsync("hai.may", Password);
        Assert.True(await office.IsSignedInAsync());
        Assert.True(await home.IsSignedInAsync());

        await office.PostFromPageAsync("/", "/account/logout-everywhere");

        Assert.False(await office.IsSignedInAsync());
        Assert.False(await home.IsSignedInAsync());
        await home.LoginAsync("hai.may", Password);
        Assert.True(await home.IsSignedInAsync());
    }

    [Fact]
    public async Task Logout_ends_only_this_machine_s_session()
    {
        fixture.Users.Save("mot.may", "Một máy", Roles.Viewer, Password);
        using var office = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(23));
        using var home = new SignInClient(fixture.Server.BaseUrl, SignInClient.Loopback(24));
        await office.LoginAsync("mot.may", Password);
        await home.LoginAsync("mot.may", Password);

        await office.PostFromPageAsync("/", "/account/logout");

        Assert.False(await office.IsSignedInAsync());
        Assert.True(await home.IsSignedInAsync());
    }
}
