namespace Bhyt.Etl.Audit;

/// <summary>The door an audited act came through (<c>rpt.audit.channel</c>).</summary>
public static class AuditChannels
{
    public const string Dashboard = "dashboard";
    /// <summary>The <c>bhyt</c> command line; the user is the operating-system account that ran it.</summary>
    public const string Cli = "cli";
    /// <summary>The scheduler's own work (inbox loads, the retention purge); the user is <see cref="SystemUser"/>.</summary>
    public const string Scheduler = "scheduler";

    public const string SystemUser = "system";
}
