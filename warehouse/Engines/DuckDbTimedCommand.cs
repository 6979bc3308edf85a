using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// A DuckDB command that stops once it has run for its timeout. DuckDB has no statement timeout and DuckDB.NET keeps
/// <c>CommandTimeout</c> without acting on it, so a timer interrupts the connection (<c>duckdb_interrupt</c>, what
/// <see cref="DuckDBCommand.Cancel"/> calls) from the first execution until the command is disposed, which covers the
/// rows read from a streaming result too. The interrupt is repeated while the command lives: one that lands before the
/// query has started is forgotten by DuckDB when the query begins.
/// </summary>
internal sealed class DuckDbTimedCommand : DuckDBCommand
{
    private static readonly TimeSpan RepeatInterrupt = TimeSpan.FromMilliseconds(200);

    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private Timer? _timer;
    private bool _running;
    private bool _disposed;

    public DuckDbTimedCommand(string sql, DuckDBConnection connection, TimeSpan timeout) : base(sql, connection)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A query timeout must be positive.");
        _timeout = timeout;
        CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
        UseStreamingMode = true;
    }

    /// <summary>True once the timer has interrupted the query.</summary>
    public bool TimedOut { get; private set; }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        StartTimer();
        return new DuckDbTimedReader(Translate(() => base.ExecuteDbDataReader(behavior)), this);
    }

    public override int ExecuteNonQuery()
    {
        StartTimer();
        try
        {
            return Translate(base.ExecuteNonQuery);
        }
        finally
        {
            StopTimer();
        }
    }

    public override object? ExecuteScalar()
    {
        try
        {
            return Translate(base.ExecuteScalar);
        }
        finally
        {
            StopTimer();
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (_gate) _disposed = true;
        StopTimer();
        base.Dispose(disposing);
    }

    /// <summary>
    /// Runs an execution or a read; once the timer has interrupted the query, DuckDB's error (DuckDB.NET reports an
    /// interrupt as <see cref="OperationCanceledException"/>) becomes a <see cref="QueryTimedOutException"/>.
    /// </summary>
    internal T Translate<T>(Func<T> execute)
    {
        try
        {
            return execute();
        }
        catch (Exception e) when (TimedOut && e is DuckDBException or OperationCanceledException)
        {
            throw new QueryTimedOutException(_timeout, e);
        }
    }

    /// <summary>A DuckDB query stopped by its command's timeout.</summary>
    internal sealed class QueryTimedOutException(TimeSpan timeout, Exception interrupted)
        : TimeoutException($"Truy vấn chạy quá {timeout.TotalSeconds:0.###} giây và đã bị DuckDB dừng (interrupt). [sql.timeout]", interrupted);

    private void StartTimer()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _timer?.Dispose();
            TimedOut = false;
            _running = true;
            _timer = new Timer(_ => Interrupt(), null, _timeout, RepeatInterrupt);
        }
    }

    private void Interrupt()
    {
        lock (_gate)
        {
            if (!_running) return;
            TimedOut = true;
            try
            {
                Cancel();
            }
            catch (Exception)
            {
                // A timer callback must not throw (it would end the process); a connection already closed has nothing to stop.
            }
        }
    }

    private void StopTimer()
    {
        lock (_gate)
        {
            _running = false;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
