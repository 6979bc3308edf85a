using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.EndToEnd;

namespace Bhyt.Dashboard.Tests.Security;

/// <summary>
/// One real dashboard process for the sign-in tests: no sample data, no scheduler, default lockout (5 failures) over
/// a short window so that a test can also watch a lockout end.
/// </summary>
public sealed class SignInServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan LockoutWindow = TimeSpan.FromSeconds(6);

    public DashboardServer Server { get; } = new()
    {
        Environment =
        {
            ["BHYT_Sample__Enabled"] = "false",
            ["BHYT_Scheduler__Enabled"] = "false",
            ["BHYT_Auth__Lockout__Duration"] = LockoutWindow.ToString("c"),
        },
    };

    /// <summary>The accounts file the server reads on every sign-in: tests add their own accounts to it.</summary>
    public UserStore Users => new(Server.UsersFile);

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SignInServerCollection : ICollectionFixture<SignInServerFixture>
{
    public const string Name = "SignInServer";
}
