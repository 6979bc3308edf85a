namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>Hands a <see cref="SignInEvent"/> to every registered <see cref="ISignInEventSink"/>.</summary>
public sealed class SignInEvents(IEnumerable<ISignInEventSink> sinks, TimeProvider clock)
{
    public async ValueTask RaiseAsync(SignInOutcome outcome, string userName, HttpContext http, string method, string? detail = null)
    {
        var signInEvent = new SignInEvent(outcome, userName, http.Connection.RemoteIpAddress, method, clock.GetUtcNow(), detail);
        foreach (var sink in sinks) await sink.RecordAsync(signInEvent, http.RequestAborted);
    }
}
