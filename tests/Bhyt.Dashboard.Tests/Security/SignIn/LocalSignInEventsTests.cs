using System.Net;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Security.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bhyt.Dashboard.Tests.Security.SignIn;

/// <summary>The seam the audit log will use: every attempt raises an event with the name typed and the remote address.</summary>
public sealed class LocalSignInEventsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-signin-events-").FullName;

    private sealed class Recorder : ISignInEventSink
    {
        public List<SignInEvent> Events { get; } = [];

        public ValueTask RecordAsync(SignInEvent signInEvent, CancellationToken cancellationToken)
        {
            Events.Add(signInEvent);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task SignInAsync_raises_wrong_credentials_locked_out_and_succeeded_with_user_and_address()
    {
        var users = new UserStore(Path.Combine(_folder, "users.json"));
        users.Save("ke.toan", "Kế toán", Roles.Viewer, "mat-khau-ke-toan-1");
        var recorder = new Recorder();
        var services = new ServiceCollection().AddLogging()
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie().Services
            .BuildServiceProvider();
        using var lockout = new SignInLockout(new LockoutOptions(2, TimeSpan.FromMinutes(15), 30));
        var signIn = new LocalSignIn(users, lockout, new SignInEvents([recorder], TimeProvider.System), TimeProvider.System);
        HttpContext From(string address) => new DefaultHttpContext { RequestServices = services, Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

        Assert.Equal(SignInOutcome.Succeeded, await signIn.SignInAsync(From("10.24.0.7"), "ke.toan", "mat-khau-ke-toan-1"));
        Assert.Equal(SignInOutcome.WrongCredentials, await signIn.SignInAsync(From("10.24.0.8"), "ke.toan", "sai"));
        Assert.Equal(SignInOutcome.WrongCredentials, await signIn.SignInAsync(From("10.24.0.8"), "khong.co", "sai"));
        Assert.Equal(SignInOutcome.LockedOut, await signIn.SignInAsync(From("10.24.0.8"), "ke.toan", "mat-khau-ke-toan-1"));

        Assert.Equal(
            [(SignInOutcome.Succeeded, "ke.toan", "10.24.0.7"), (SignInOutcome.WrongCredentials, "ke.toan", "10.24.0.8"),
             (SignInOutcome.WrongCredentials, "khong.co", "10.24.0.8"), (SignInOutcome.LockedOut, "ke.toan", "10.24.0.8")],
            recorder.Events.Select(e => (e.Outcome, e.UserName, e.RemoteAddress!.ToString())));
        Assert.All(recorder.Events, e => Assert.Equal(SessionMethods.Local, e.Method));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
