namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>
/// Receives every <see cref="SignInEvent"/>. Register more than one with <c>AddSingleton&lt;ISignInEventSink, …&gt;</c>;
/// the log sink is always there.
/// </summary>
public interface ISignInEventSink
{
    ValueTask RecordAsync(SignInEvent signInEvent, CancellationToken cancellationToken);
}
