using System.Data.Common;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Schema;
using Dapper;

namespace Bhyt.Tests.Warehouse.Engines;

public class DuckDbEngineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<DbConnection> OpenWithTableAsync(TempWarehouse warehouse)
    {
        var connection = await warehouse.Engine.OpenAsync(None);
        await connection.ExecuteAsync("""
            CREATE SCHEMA IF NOT EXISTS scratch;
            CREATE TABLE scratch.sample (id INTEGER NOT NULL, name VARCHAR, day DATE, amount DECIMAL(18,2), note VARCHAR)
            """);
        return connection;
    }

    [Fact]
    public async Task BulkInsertAsync_in_a_rolled_back_transaction_leaves_no_rows()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await OpenWithTableAsync(warehouse);

        await using (var transaction = await connection.BeginTransactionAsync(None))
        {
            var written = await warehouse.Engine.BulkInsertAsync(connection, transaction, "scratch.sample", ["id", "name"],
                Enumerable.Range(1, 1000).Select(i => new object?[] { i, $"row {i}" }), None);
            Assert.Equal(1000, written);
            Assert.Equal(1000, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM scratch.sample", transaction: transaction));
            await transaction.RollbackAsync(None);
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM scratch.sample"));
    }

    [Fact]
    public async Task BulkInsertAsync_in_a_committed_transaction_keeps_the_rows()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await OpenWithTableAsync(warehouse);

        await using (var transaction = await connection.BeginTransactionAsync(None))
        {
            await warehouse.Engine.BulkInsertAsync(connection, transaction, "scratch.sample", ["id"],
                Enumerable.Range(1, 70_000).Select(i => new object?[] { i }), None);
            await transaction.CommitAsync(None);
        }

        Assert.Equal(70_000, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM scratch.sample"));
        Assert.Equal(Enumerable.Range(1, 70_000).Sum(i => (long)i),
            await connection.ExecuteScalarAsync<long>("SELECT sum(id)::BIGINT FROM scratch.sample"));
    }

    [Fact]
    public async Task BulkInsertAsync_columns_in_any_order_land_in_their_own_columns_and_unnamed_ones_are_null()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await OpenWithTableAsync(warehouse);
        var day = new DateOnly(2024, 7, 1);

        await using (var transaction = await connection.BeginTransactionAsync(None))
        {
            await warehouse.Engine.BulkInsertAsync(connection, transaction, "scratch.sample", ["AMOUNT", "day", "name", "id"],
            [
                [12.5m, day, "Hà Giang", 2],
                [null, null, "Tuyên Quang", 1],
            ], None);
            await transaction.CommitAsync(None);
        }

        var rows = (await connection.QueryAsync<(int Id, string Name, DateTime? Day, decimal? Amount, string? Note)>(
            "SELECT id, name, day, amount, note FROM scratch.sample ORDER BY id")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((1, "Tuyên Quang", (DateTime?)null, (decimal?)null, (string?)null), rows[0]);
        Assert.Equal((2, "Hà Giang", (DateTime?)day.ToDateTime(TimeOnly.MinValue), (decimal?)12.5m, (string?)null), rows[1]);
    }

    [Fact]
    public async Task BulkInsertAsync_unknown_column_throws_and_writes_nothing()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await OpenWithTableAsync(warehouse);
        await using var transaction = await connection.BeginTransactionAsync(None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.Engine.BulkInsertAsync(connection, transaction,
            "scratch.sample", ["id", "nonexistent"], [[1, "x"]], None));

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM scratch.sample", transaction: transaction));
    }

    [Fact]
    public async Task ReserveKeysAsync_successive_reservations_are_contiguous_and_disjoint()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);
        await new Migrator(warehouse.Engine).ApplyAsync(connection, None);
        var sizes = new[] { 5, 1, 1000, 7 };

        var ranges = new List<(long First, int Count)>();
        await using (var transaction = await connection.BeginTransactionAsync(None))
        {
            foreach (var size in sizes)
                ranges.Add((await warehouse.Engine.ReserveKeysAsync(connection, transaction, "dw.seq_facility", size, None), size));
            await transaction.CommitAsync(None);
        }
        var next = await connection.ExecuteScalarAsync<long>("SELECT nextval('dw.seq_facility')");

        var keys = ranges.SelectMany(r => Enumerable.Range(0, r.Count).Select(i => r.First + i)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        for (var i = 1; i < ranges.Count; i++)
            Assert.Equal(ranges[i - 1].First + ranges[i - 1].Count, ranges[i].First);
        Assert.Equal(keys.Max() + 1, next);
    }

    [Fact]
    public async Task ReserveKeysAsync_zero_keys_reserves_nothing()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);
        await new Migrator(warehouse.Engine).ApplyAsync(connection, None);
        await using var transaction = await connection.BeginTransactionAsync(None);

        await warehouse.Engine.ReserveKeysAsync(connection, transaction, "dw.seq_facility", 0, None);
        var first = await warehouse.Engine.ReserveKeysAsync(connection, transaction, "dw.seq_facility", 3, None);

        Assert.Equal(1, first);
    }
}
