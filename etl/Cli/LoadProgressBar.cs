using Bhyt.Etl.Import.Progress;
using Spectre.Console;

namespace Bhyt.Etl.Cli;

/// <summary>A Spectre.Console bar following one file: the bytes read fill it, the text says rows, MB/s, time left or the phase.</summary>
internal sealed class LoadProgressBar(ProgressTask task) : IProgress<LoadProgress>
{
    public void Report(LoadProgress value)
    {
        task.IsIndeterminate = value.Phase == LoadPhase.Counting;
        task.Value = value.Phase.ReadsFile() ? value.Fraction : value.Phase == LoadPhase.Counting ? 0 : 1;
        task.Description = Markup.Escape(value.Line);
    }
}
