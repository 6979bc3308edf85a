namespace Bhyt.Etl.Import.Progress;

/// <summary>
/// A load's progress as plain lines, for logs and CI where a bar cannot redraw: a line at each change of phase, at each
/// further tenth of the file read, and at least every <see cref="Every"/> otherwise. A file that is done within
/// <see cref="QuietFor"/> writes nothing (a folder of small files stays as short as before); once a file has written a
/// line, its end is written too.
/// </summary>
public sealed class ProgressLines(Action<string> write) : IProgress<LoadProgress>
{
    private string? _file;
    private bool _started;
    private LoadPhase _phase;
    private TimeSpan _writtenAt;
    private int _tenths;

    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan QuietFor { get; init; } = TimeSpan.FromSeconds(1);

    public void Report(LoadProgress value)
    {
        if (value.File != _file) (_file, _started) = (value.File, false);
        if (!_started && (value.Elapsed < QuietFor || value.Phase == LoadPhase.Done)) return;
        var tenths = (int)Math.Floor(value.Fraction * 10);
        var due = !_started || value.Phase != _phase || (value.Phase.ReadsFile() && tenths > _tenths) || value.Elapsed - _writtenAt >= Every;
        if (!due) return;
        (_started, _phase, _tenths, _writtenAt) = (true, value.Phase, tenths, value.Elapsed);
        write(value.Line);
    }
}
