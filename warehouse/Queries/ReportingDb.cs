using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Queries;

/// <summary>
/// The reporting queries' only way to the warehouse (dashboard pages, CLI, jobs): parameterised SELECTs over the
/// <c>rpt</c> views, mapped row by row.
/// Values come back as the engine types them (DuckDB DATE as DateOnly, DECIMAL as decimal…); the readers below
/// normalise them so the same code runs on both engines.
/// Every query's duration (open, execute, read every row) is recorded on the <c>bhyt.query.duration</c>
/// histogram of the <see cref="MeterName"/> meter, tagged with the query's name (e.g. <c>IndicatorQueries.ForUnitAsync</c>),
/// and traced as an activity <c>bhyt.query</c> of the activity source of the same name (tags: query, rows).
/// <para>
/// DuckDB destroys a file's database instance when its last connection closes, and opening it again costs ~14 ms
/// (catalog, WAL) — more than most page queries. So while queries come (people use the dashboard) one connection stays open and
/// every query's own connection shares its instance; after <see cref="IdleRelease"/> without a query it is closed
/// and the file is free for other processes again (DuckDB lets one process write a file at a time).
/// </para>
/// </summary>
public sealed class ReportingDb(IWarehouseEngine engine) : IDisposable
{
    public static readonly TimeSpan IdleRelease = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _holdGate = new(1, 1);
    private DbConnection? _hold;
    private Timer? _idleTimer;
    private long _lastUse;

    public const string MeterName = "Bhyt.Warehouse.Queries";
    public const string DurationInstrument = "bhyt.query.duration";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ActivitySource Source = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationInstrument, "ms", "Reporting query time, rows read included");

    public IWarehouseEngine Engine => engine;

    /// <summary>
    /// Runs one parameterised SELECT (engine-agnostic SQL with <c>@name</c> parameters) and maps every row; the duration is
    /// recorded under <paramref name="query"/>, by default the calling class and method (<paramref name="callerFile"/>).
    /// </summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters, Func<DbDataReader, T> map, CancellationToken ct,
        [CallerMemberName] string query = "", [CallerFilePath] string callerFile = "")
    {
        var started = Stopwatch.GetTimestamp();
        var name = query.Contains('.') ? query : $"{Path.GetFileNameWithoutExtension(callerFile)}.{query}";
        using var activity = Source.StartActivity("bhyt.query");
        activity?.SetTag("bhyt.query", name);
        await using var connection = await engine.OpenAsync(ct);
        await HoldInstanceAsync(ct);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(engine.Sql(sql), parameters, cancellationToken: ct));
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        activity?.SetTag("bhyt.rows", rows.Count);
        if (Duration.Enabled)
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("query", name));
        return rows;
    }

    /// <summary>
    /// Keeps a DuckDB file's instance alive with one more connection, opened while the query's own is open (so it
    /// joins the same instance at almost no cost).
    /// </summary>
    private async Task HoldInstanceAsync(CancellationToken ct)
    {
        if (!engine.KeepInstanceBetweenQueries) return;
        Volatile.Write(ref _lastUse, Environment.TickCount64);
        if (Volatile.Read(ref _hold) is not null) return;
        await _holdGate.WaitAsync(ct);
        try
        {
            _hold ??= await engine.OpenAsync(ct);
            _idleTimer ??= new Timer(_ => ReleaseIfIdle(), null, IdleRelease / 4, IdleRelease / 4);
        }
        finally
        {
            _holdGate.Release();
        }
    }

    private void ReleaseIfIdle()
    {
        if (Environment.TickCount64 - Volatile.Read(ref _lastUse) >= IdleRelease.TotalMilliseconds) ReleaseHeld();
    }

    public void Dispose()
    {
        _idleTimer?.Dispose();
        ReleaseHeld();
    }

    private void ReleaseHeld()
    {
        _holdGate.Wait();
        try
        {
            _hold?.Dispose();
            _hold = null;
        }
        finally
        {
            _holdGate.Release();
        }
    }

    /// <summary>The row cap after ORDER BY in the engine's dialect.</summary>
    public string Limit(int rows) => engine.RowLimit(rows);

    public static DateTime Date(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t,
        DateTimeOffset o => o.DateTime,
        var other => Convert.ToDateTime(other.ToString(), System.Globalization.CultureInfo.InvariantCulture),
    };

    public static DateTime? NullableDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Date(reader, ordinal);

    // DuckDB sums BIGINT into HUGEINT, which arrives as BigInteger (not IConvertible).
    public static double Number(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        System.Numerics.BigInteger big => (double)big,
        var value => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>An <see cref="Queries.IndicatorValue"/> from the columns indicator_code, period_label, period_start, period_end,
    /// period_kind, value, value_kind, source, source_ref, derived_from starting at <paramref name="first"/>.</summary>
    public static IndicatorValue IndicatorValue(DbDataReader r, int first) => new(
        r.GetString(first), r.GetString(first + 1), Date(r, first + 2), Date(r, first + 3), r.GetString(first + 4), Number(r, first + 5),
        r.GetString(first + 6), r.GetString(first + 7), Text(r, first + 8), Text(r, first + 9));

    public static double? NullableNumber(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Number(reader, ordinal);

    public static long Integer(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        System.Numerics.BigInteger big => (long)big,
        var value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
