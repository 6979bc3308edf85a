using Bhyt.Etl.Import.Progress;

namespace Bhyt.Etl.Scheduling;

/// <summary>
/// What the inbox is loading, for the dashboard: the progress of the file being imported (or of the last one, once it
/// ended), and an event at each report (a few times a second) that pages subscribe to. One per
/// process, shared by the inbox job and every circuit.
/// </summary>
public sealed class InboxStatus : IProgress<LoadProgress>
{
    private LoadProgress? _latest;

    /// <summary>The latest report of the current or last file; null before the first file.</summary>
    public LoadProgress? Latest => Volatile.Read(ref _latest);

    /// <summary>Whether a file is loading now.</summary>
    public bool IsLoading => Latest is { } latest && !latest.Phase.Ends();

    /// <summary>Raised on the reporting thread after each report; handlers must return quickly (a page re-renders through its dispatcher).</summary>
    public event Action<LoadProgress>? Changed;

    public void Report(LoadProgress value)
    {
        Volatile.Write(ref _latest, value);
        Changed?.Invoke(value);
    }
}
