using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Security.SignIn;
using Bhyt.Etl.Audit;

namespace Bhyt.Dashboard.Audit;

/// <summary>
/// Writes every sign-in, refusal and sign-out to the audit log with the name typed (or asserted by the identity provider),
/// the remote address and the method. The role is the local account's; an organisation account's comes with its token and
/// is not known here.
/// </summary>
public sealed class SignInAuditSink(AuditTrail trail, UserStore users) : ISignInEventSink
{
    public async ValueTask RecordAsync(SignInEvent e, CancellationToken cancellationToken)
    {
        var (action, outcome) = e.Outcome switch
        {
            SignInOutcome.Succeeded => (AuditActions.SignIn, AuditOutcomes.Success),
            SignInOutcome.WrongCredentials => (AuditActions.SignIn, AuditOutcomes.Failure),
            SignInOutcome.LockedOut or SignInOutcome.Refused => (AuditActions.SignIn, AuditOutcomes.Denied),
            SignInOutcome.SignedOut => (AuditActions.SignOut, AuditOutcomes.Success),
            _ => (AuditActions.SignOutEverywhere, AuditOutcomes.Success),
        };
        var role = e.Method == SessionMethods.Local ? users.Find(e.UserName)?.Role : null;
        var why = e.Outcome switch
        {
            SignInOutcome.WrongCredentials => "wrong password or unknown user",
            SignInOutcome.LockedOut => "locked out",
            _ => null,
        };
        await trail.AppendAsync(new AuditEvent(action, outcome, e.UserName)
        {
            OccurredAt = e.At.UtcDateTime, UserRole = role, ClientAddress = ClientAddress.Of(e.RemoteAddress),
            Detail = string.Join("; ", new[] { e.Method, why, e.Detail }.Where(p => !string.IsNullOrEmpty(p))),
        });
    }
}
