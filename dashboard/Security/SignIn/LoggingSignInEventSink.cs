namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>Writes sign-in events to the log (category <c>Bhyt.Dashboard.SignIn</c>).</summary>
public sealed class LoggingSignInEventSink(ILoggerFactory logs) : ISignInEventSink
{
    private readonly ILogger _log = logs.CreateLogger("Bhyt.Dashboard.SignIn");

    public ValueTask RecordAsync(SignInEvent e, CancellationToken cancellationToken)
    {
        var level = e.Outcome is SignInOutcome.Succeeded or SignInOutcome.SignedOut or SignInOutcome.SignedOutEverywhere
            ? LogLevel.Information : LogLevel.Warning;
        _log.Log(level, "Sign-in {Outcome} for {User} from {Address} ({Method}) {Detail}", e.Outcome, e.UserName, e.RemoteAddress, e.Method, e.Detail);
        return ValueTask.CompletedTask;
    }
}
