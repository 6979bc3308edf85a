using Bhyt.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>
/// Sign-in with a local account: refused while the name or the address is locked out, otherwise the password is
/// checked (an unknown name costs the same hash as a wrong password and gets the same answer), failures are counted,
/// and a success signs the session cookie in. Every outcome is raised as a <see cref="SignInEvent"/>.
/// </summary>
public sealed class LocalSignIn(UserStore users, SignInLockout lockout, SignInEvents events, TimeProvider clock)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password)
    {
        var address = http.Connection.RemoteIpAddress;
        if (lockout.IsLocked(userName, address))
        {
            await events.RaiseAsync(SignInOutcome.LockedOut, userName, http, SessionMethods.Local);
            return SignInOutcome.LockedOut;
        }
        var user = users.Authenticate(userName, password);
        if (user is null)
        {
            lockout.RecordFailure(userName, address);
            await events.RaiseAsync(SignInOutcome.WrongCredentials, userName, http, SessionMethods.Local);
            return SignInOutcome.WrongCredentials;
        }
        var principal = DashboardClaims.Principal(user.UserName, user.DisplayName, user.Role, SessionMethods.Local,
            clock.GetUtcNow(), user.SecurityStamp ?? "", user.UnitScope);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        await events.RaiseAsync(SignInOutcome.Succeeded, user.UserName, http, SessionMethods.Local);
        return SignInOutcome.Succeeded;
    }
}
