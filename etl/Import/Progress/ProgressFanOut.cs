namespace Bhyt.Etl.Import.Progress;

/// <summary>One load's progress given to several listeners (the dashboard's status and the log lines), in order.</summary>
public sealed class ProgressFanOut(params IProgress<LoadProgress>[] listeners) : IProgress<LoadProgress>
{
    public void Report(LoadProgress value)
    {
        foreach (var listener in listeners) listener.Report(value);
    }
}
