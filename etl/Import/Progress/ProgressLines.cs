namespace Bhyt.Etl.Import.Progress;

/// <summary>
/// A load's progress as plain lines, for logs and CI where a bar cannot redraw: a line when a phase starts, at each
/// further tenth of the file read, at least every <see cref="Every"/> otherwise, and where each phase ended (so the last
/// line of reading shows every row read). A file that is done within <see cref="QuietFor"/> writes nothing (a folder of
/// small files stays as short as before); once a file has written a line, its end is written too.
/// </summary>
public sealed class ProgressLines(Action<string> write) : IProgress<LoadProgress>
{
    private string? _file;
    private bool _started;
    private LoadPhase _phase;
    private TimeSpan _writtenAt;
    private int _tenths;
    private LoadProgress? _unwritten;

    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan QuietFor { get; init; } = TimeSpan.FromSeconds(1);

    public void Report(LoadProgress value)
    {
        if (value.File != _file) (_file, _started, _unwritten) = (value.File, false, null);
        if (!_started && (value.Elapsed < QuietFor || value.Phase.Ends())) return;
        if (_started && value.Phase != _phase && _unwritten is { } end) Write(end);
        var tenths = value.PercentRead / 10;
        var due = !_started || value.Phase != _phase || (value.Phase.ReadsFile() && tenths > _tenths) || value.Elapsed - _writtenAt >= Every;
        if (due) Write(value);
        else _unwritten = value;
    }

    private void Write(LoadProgress value)
    {
        (_started, _phase, _tenths, _writtenAt, _unwritten) = (true, value.Phase, value.PercentRead / 10, value.Elapsed, null);
        write(value.Line);
    }
}
