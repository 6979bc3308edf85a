using System.Diagnostics;

namespace Bhyt.Etl.Import.Progress;

/// <summary>
/// Measures the load of one file and reports a <see cref="LoadProgress"/> every <see cref="Interval"/> from its own
/// loop, and at every change of phase. The load itself only adds to two counters (bytes through
/// <see cref="CountingStream"/>, rows per batch), so measuring never slows it and a slow consumer never blocks it for
/// more than one report. Reports are made one at a time, in order.
/// </summary>
public sealed class LoadMeter : IAsyncDisposable
{
    /// <summary>A few reports per second: enough for a bar to move, few enough to cost nothing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly string _file;
    private readonly long _bytesTotal;
    private readonly IProgress<LoadProgress> _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private LoadPhase _phase;
    private TimeSpan _phaseStarted;
    private readonly string _rowsAre;
    private long _bytes, _rows;

    private LoadMeter(string file, long bytesTotal, string rowsAre, IProgress<LoadProgress> progress, LoadPhase first)
    {
        _file = file;
        _bytesTotal = bytesTotal;
        _rowsAre = rowsAre;
        _progress = progress;
        _phase = first;
        Report();
        _loop = ReportPeriodicallyAsync(_stop.Token);
    }

    /// <summary>
    /// A meter of the file at <paramref name="path"/> reporting to <paramref name="progress"/>, its rows named
    /// <paramref name="rowsAre"/> as users read them after a number ("hồ sơ", "dòng"); null when nobody listens.
    /// </summary>
    public static LoadMeter? Start(string path, string rowsAre, IProgress<LoadProgress>? progress) =>
        progress is null ? null : new LoadMeter(Path.GetFileName(path), new FileInfo(path).Length, rowsAre, progress, LoadPhase.Hashing);

    /// <summary>
    /// A meter of <paramref name="bytesTotal"/> bytes named <paramref name="file"/> that is not one file on disk (an upload
    /// not written yet, a folder's claims files).
    /// </summary>
    public static LoadMeter? Start(string file, long bytesTotal, IProgress<LoadProgress>? progress, LoadPhase first, string rowsAre = "dòng") =>
        progress is null ? null : new LoadMeter(file, bytesTotal, rowsAre, progress, first);

    public void AddBytes(int count) => Interlocked.Add(ref _bytes, count);

    public void AddRows(int count) => Interlocked.Add(ref _rows, count);

    /// <summary>Sets the rows read so far, for readers that report a running count.</summary>
    public void SetRows(long rows) => Interlocked.Exchange(ref _rows, rows);

    /// <summary>The meter as the running row count a reader reports (every so many rows).</summary>
    public IProgress<int> RowCount() => new RowCounter(this);

    /// <summary>The whole file has been read by a reader that does not stream through <see cref="CountingStream"/>.</summary>
    public void ReadAll() => Interlocked.Exchange(ref _bytes, _bytesTotal);

    /// <summary>
    /// Ends the current phase (reporting where it ended) and starts <paramref name="phase"/>. Going on from
    /// <see cref="LoadPhase.Reading"/> to a later step means the reader got to the end of its input: the bytes it skipped
    /// rather than read (a .zip's entry names and headers, passed by seeking) count as read.
    /// </summary>
    public void Enter(LoadPhase phase)
    {
        lock (_gate)
        {
            if (phase == _phase) return;
            if (_phase == LoadPhase.Reading && phase > LoadPhase.Reading && !phase.Ends()) ReadAll();
            Report();
            _phase = phase;
            _phaseStarted = _clock.Elapsed;
            if (phase.ReadsFile()) Interlocked.Exchange(ref _bytes, 0);
            Report();
        }
    }

    /// <summary>Where the load stands now.</summary>
    public LoadProgress Snapshot()
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            return new LoadProgress(_file, _phase, Interlocked.Read(ref _bytes), _bytesTotal, Interlocked.Read(ref _rows), _rowsAre, now,
                now - _phaseStarted);
        }
    }

    /// <summary>Stops the periodic reports (the importer enters <see cref="LoadPhase.Done"/> or <see cref="LoadPhase.Failed"/> first).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private void Report()
    {
        lock (_gate) _progress.Report(Snapshot());
    }

    private sealed class RowCounter(LoadMeter meter) : IProgress<int>
    {
        public void Report(int value) => meter.SetRows(value);
    }

    private async Task ReportPeriodicallyAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) Report();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
