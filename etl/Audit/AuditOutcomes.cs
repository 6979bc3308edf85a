namespace Bhyt.Etl.Audit;

/// <summary>How an audited act ended (<c>rpt.audit.outcome</c>).</summary>
public static class AuditOutcomes
{
    public const string Success = "success";
    /// <summary>Tried and failed: a wrong password, an invalid input, a query that errored, a file rejected.</summary>
    public const string Failure = "failure";
    /// <summary>Not allowed: the role lacks the right, a locked-out sign-in, an identity provider's answer refused.</summary>
    public const string Denied = "denied";

    public static readonly IReadOnlyList<string> All = [Success, Failure, Denied];
}
