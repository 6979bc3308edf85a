namespace Bhyt.Etl.Scheduling;

/// <summary>
/// Where the inbox job looks and how often. <c>processing/</c>, <c>archive/</c> and <c>quarantine/</c> sit beside the inbox folder.
/// A file is taken only once it has not changed for <see cref="SettleTime"/> (so half-copied files wait).
/// </summary>
public sealed record InboxOptions(string Inbox, TimeSpan Interval, TimeSpan SettleTime)
{
    public const string DefaultInbox = "inbox";

    public static InboxOptions Default(string? inbox = null) =>
        new(Path.GetFullPath(inbox ?? DefaultInbox), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(2));

    /// <summary>
    /// From the <c>Scheduler</c> section: <c>Inbox</c>, <c>IntervalSeconds</c> (default 15) and <c>SettleSeconds</c> (default 2),
    /// e.g. <c>BHYT_Scheduler__IntervalSeconds=5</c> for the dashboard.
    /// </summary>
    public static InboxOptions From(Microsoft.Extensions.Configuration.IConfiguration scheduler, string? inbox = null)
    {
        var defaults = Default(inbox ?? scheduler["Inbox"]);
        return defaults with
        {
            Interval = Seconds(scheduler["IntervalSeconds"]) ?? defaults.Interval,
            SettleTime = Seconds(scheduler["SettleSeconds"]) ?? defaults.SettleTime,
        };
    }

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>Where each worker's claimed files sit while they load (<see cref="ProcessingLease"/>).</summary>
    public string Processing => Beside("processing");

    public string Archive => Beside("archive");

    public string Quarantine => Beside("quarantine");

    private string Beside(string folder) => Path.Combine(Path.GetDirectoryName(Inbox.TrimEnd(Path.DirectorySeparatorChar))!, folder);
}
