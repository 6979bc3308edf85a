using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bhyt.Etl.Telemetry;

/// <summary>
/// The ETL's traces and metrics, under one name (<see cref="Name"/>) for any .NET collector (OpenTelemetry,
/// <c>dotnet-counters</c>): an activity per imported file and per scheduled job run, and the instruments below.
/// </summary>
public static class EtlTelemetry
{
    public const string Name = "Bhyt.Etl";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Files imported, tagged <c>bhyt.kind</c> and <c>bhyt.status</c> (loaded, rejected, duplicate, empty, failed).</summary>
    public static readonly Counter<long> ImportedFiles = Meter.CreateCounter<long>("bhyt.import.files", "{file}", "Files imported");

    /// <summary>Rows (figures, claims, facilities) loaded into the warehouse, tagged <c>bhyt.kind</c>.</summary>
    public static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>("bhyt.import.rows", "{row}", "Rows loaded by imports");

    /// <summary>Rows refused by validation, tagged <c>bhyt.kind</c>.</summary>
    public static readonly Counter<long> RejectedRows = Meter.CreateCounter<long>("bhyt.import.rejected", "{row}", "Rows rejected by imports");

    /// <summary>Time to import one file, reading, checking and saving included; tagged <c>bhyt.kind</c> and <c>bhyt.status</c>.</summary>
    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("bhyt.import.duration", "s", "Time to import one file");

    /// <summary>Time of one scheduled job run, tagged <c>bhyt.job</c> and <c>bhyt.outcome</c> (ok, failed).</summary>
    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("bhyt.job.duration", "s", "Time of one scheduled job run");
}
