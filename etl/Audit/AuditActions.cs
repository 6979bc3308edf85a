namespace Bhyt.Etl.Audit;

/// <summary>What an <see cref="AuditEvent"/> records (<c>rpt.audit.action</c>); one code per kind of act.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignOut = "sign_out";
    /// <summary>"Đăng xuất mọi nơi": every session of the account ended.</summary>
    public const string SignOutEverywhere = "sign_out_everywhere";
    /// <summary>An account added, or its password, name or role replaced (subject: the account; detail: what changed).</summary>
    public const string AccountSave = "account_save";
    public const string AccountDelete = "account_delete";
    /// <summary>A file put into the inbox from the dashboard (subject: the name it was given).</summary>
    public const string Upload = "upload";
    /// <summary>A file imported into the warehouse, by <c>bhyt import</c> or by the inbox (subject: the file; rows: loaded).</summary>
    public const string Import = "import";
    /// <summary>An analyst's query in the SQL console (detail: its text; rows; duration).</summary>
    public const string ConsoleQuery = "console_query";
    /// <summary>A table exported as CSV (subject: the file name; rows).</summary>
    public const string Export = "export";
    /// <summary>A verdict on an anomaly (subject: its id; detail: the status and the note).</summary>
    public const string AnomalyReview = "anomaly_review";
    /// <summary>An alert acknowledged (subject: its id).</summary>
    public const string AlertAcknowledge = "alert_acknowledge";
    public const string AlertRuleSave = "alert_rule_save";
    public const string AlertSilenceAdd = "alert_silence_add";
    public const string AlertSilenceEnd = "alert_silence_end";
    /// <summary>Events older than the retention removed (rows: how many).</summary>
    public const string AuditPurge = "audit_purge";

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignOut, SignOutEverywhere, AccountSave, AccountDelete, Upload, Import, ConsoleQuery, Export, AnomalyReview,
        AlertAcknowledge, AlertRuleSave, AlertSilenceAdd, AlertSilenceEnd, AuditPurge,
    ];
}
