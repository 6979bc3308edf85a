namespace Bhyt.Etl.Scheduling;

/// <summary>
/// Where the inbox job looks and how often. <c>archive/</c> and <c>quarantine/</c> sit beside the inbox folder.
/// A file is taken only once it has not changed for <see cref="SettleTime"/> (so half-copied files wait).
/// </summary>
public sealed record InboxOptions(string Inbox, TimeSpan Interval, TimeSpan SettleTime)
{
    public const string DefaultInbox = "inbox";

    public static InboxOptions Default(string? inbox = null) =>
        new(Path.GetFullPath(inbox ?? DefaultInbox), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(2));

    public string Archive => Path.Combine(Path.GetDirectoryName(Inbox.TrimEnd(Path.DirectorySeparatorChar))!, "archive");

    public string Quarantine => Path.Combine(Path.GetDirectoryName(Inbox.TrimEnd(Path.DirectorySeparatorChar))!, "quarantine");
}
