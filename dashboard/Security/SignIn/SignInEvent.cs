using System.Net;

namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>
/// One sign-in event as the audit log will record it: the name typed or asserted, the remote address, the method
/// (<see cref="SessionMethods"/>) and, for refusals, why (English, for administrators).
/// </summary>
public sealed record SignInEvent(SignInOutcome Outcome, string UserName, IPAddress? RemoteAddress, string Method,
    DateTimeOffset At, string? Detail = null);
