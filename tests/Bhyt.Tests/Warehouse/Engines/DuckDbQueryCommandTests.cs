using System.Data.Common;
using System.Diagnostics;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Tests.Warehouse.Engines;

/// <summary>What DuckDbEngine answers for the dialect: query timeouts, the row cap, keeping the instance.</summary>
public class DuckDbQueryCommandTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // 10^18 rows: nothing finishes this; only an interrupt ends it.
    private const string Endless = "SELECT count(*) FROM range(1000000000) a, range(1000000000) b";

    /// <summary>Runs <paramref name="sql"/> to its last row; a watchdog interrupts it after 20 s so a broken timeout fails, not hangs.</summary>
    private static async Task<(Exception? Error, TimeSpan Elapsed)> RunToEndAsync(IWarehouseEngine engine, DbConnection connection, string sql,
        TimeSpan timeout)
    {
        await using var command = engine.CreateQueryCommand(connection, sql, timeout);
        using var watchdog = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var stop = watchdog.Token.Register(command.Cancel);
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.Run(async () =>
            {
                await using var reader = await command.ExecuteReaderAsync(None);
                while (await reader.ReadAsync(None)) { }
            });
            return (null, clock.Elapsed);
        }
        catch (Exception e)
        {
            return (e, clock.Elapsed);
        }
    }

    [Fact]
    public async Task CreateQueryCommand_endless_aggregate_with_1s_timeout_stops_within_seconds_with_a_timeout_error()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);

        var (error, elapsed) = await RunToEndAsync(warehouse.Engine, connection, Endless, TimeSpan.FromSeconds(1));

        Assert.NotNull(error);
        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.True(warehouse.Engine.IsTimeout(error), error.ToString());
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task CreateQueryCommand_endless_stream_of_rows_with_1s_timeout_stops_while_reading()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);

        var (error, elapsed) = await RunToEndAsync(warehouse.Engine, connection,
            "SELECT a.range AS x FROM range(1000000000) a, range(1000000000) b", TimeSpan.FromSeconds(1));

        Assert.NotNull(error);
        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.True(warehouse.Engine.IsTimeout(error), error.ToString());
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task CreateQueryCommand_finished_before_its_timeout_leaves_the_connection_usable_afterwards()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);

        var (error, _) = await RunToEndAsync(warehouse.Engine, connection, "SELECT 42", TimeSpan.FromMilliseconds(300));
        await Task.Delay(TimeSpan.FromMilliseconds(800), TestContext.Current.CancellationToken);
        var after = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM range(30000000) a, range(3) b");

        Assert.Null(error);
        Assert.Equal(90_000_000, after);
    }

    [Fact]
    public void IsTimeout_other_DuckDB_errors_are_not_timeouts()
    {
        var engine = WarehouseEngine.For("/tmp/unused.duckdb");

        Assert.False(engine.IsTimeout(new InvalidOperationException("x")));
        Assert.False(engine.IsTimeout(new TimeoutException("not from DuckDB")));
    }

    [Fact]
    public async Task RowLimit_after_order_by_keeps_the_first_rows()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);

        var rows = (await connection.QueryAsync<long>($"SELECT x FROM range(100) t(x) ORDER BY x DESC {warehouse.Engine.RowLimit(3)}")).ToList();

        Assert.Equal("LIMIT 3", warehouse.Engine.RowLimit(3));
        Assert.Equal([99L, 98L, 97L], rows);
    }

    [Fact]
    public void RowLimit_below_one_row_throws()
    {
        var engine = WarehouseEngine.For("/tmp/unused.duckdb");

        Assert.Throws<ArgumentOutOfRangeException>(() => engine.RowLimit(0));
    }

    [Fact]
    public void KeepInstanceBetweenQueries_is_true_for_a_DuckDB_file()
    {
        Assert.True(WarehouseEngine.For("/tmp/unused.duckdb").KeepInstanceBetweenQueries);
    }
}
