using System.Text;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Tests.Warehouse.Engines;

/// <summary>
/// The typed bulk load (the claims' path: typed values, text as UTF-8 bytes, no boxing) and the boxed one must give the
/// same table, column by column, null by null, across the engine's 2,048-row chunks.
/// </summary>
public class DuckDbTypedBulkLoadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Columns = """
        (big BIGINT, small_int INTEGER, money DECIMAL(18,2), quantity DECIMAL(18,4), short_money DECIMAL(9,2),
         tenth DECIMAL(4,1), wide DECIMAL(30,2), at_time TIMESTAMP, day DATE, code VARCHAR, label VARCHAR)
        """;

    private static readonly string[] Names = ["big", "small_int", "money", "quantity", "short_money", "tenth", "wide", "at_time", "day", "code", "label"];

    [Fact]
    public async Task Typed_rows_land_exactly_as_boxed_rows_do_across_chunk_boundaries()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.Engine.OpenAsync(None);
        await connection.ExecuteAsync($"CREATE SCHEMA scratch; CREATE TABLE scratch.typed {Columns}; CREATE TABLE scratch.boxed {Columns};");
        var rows = SampleRows(5_000, seed: 17);

        await using (var transaction = await connection.BeginTransactionAsync(None))
        {
            var typed = await warehouse.Engine.BulkInsertAsync(connection, transaction, "scratch.typed", Names, Batches(rows, 1_000), None);
            var boxed = await warehouse.Engine.BulkInsertAsync(connection, transaction, "scratch.boxed", Names, rows.Select(Boxed), None);
            Assert.Equal(5_000, typed);
            Assert.Equal(5_000, boxed);
            await transaction.CommitAsync(None);
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM (SELECT * FROM scratch.typed EXCEPT ALL SELECT * FROM scratch.boxed)"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM (SELECT * FROM scratch.boxed EXCEPT ALL SELECT * FROM scratch.typed)"));
        // The sample holds what the comparison must cover: nulls in every column, text inline and not, decimals cut.
        foreach (var name in Names)
            Assert.True(await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM scratch.typed WHERE {name} IS NULL") > 100, name);
        Assert.Equal(rows.Count(r => r.Label is { } l && Encoding.UTF8.GetByteCount(l) > 12),
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM scratch.typed WHERE octet_length(encode(label)) > 12"));
        Assert.Equal(12.34m, await connection.ExecuteScalarAsync<decimal>("SELECT money FROM scratch.typed WHERE big = 7"));
        Assert.Equal("Bệnh viện Đa khoa tỉnh Hà Giang", await connection.ExecuteScalarAsync<string>("SELECT label FROM scratch.typed WHERE big = 3"));
        Assert.Equal(new DateTime(1969, 12, 31, 23, 59, 59), await connection.ExecuteScalarAsync<DateTime>("SELECT at_time FROM scratch.typed WHERE big = 5"));
    }

    private sealed record Sample(long? Big, int? SmallInt, decimal? Money, decimal? Quantity, decimal? ShortMoney,
        decimal? Tenth, decimal? Wide, DateTime? At, DateTime? Day, string? Code, string? Label);

    private static List<Sample> SampleRows(int count, int seed)
    {
        var random = new Random(seed);
        string[] labels = ["", "a", "Hà Nội", "exactly12by", "thirteen char", "Bệnh viện Đa khoa tỉnh Hà Giang", new string('x', 300) + "ữ"];
        T? Maybe<T>(T value) where T : struct => random.Next(10) == 0 ? null : value;
        string? MaybeText(string value) => random.Next(10) == 0 ? null : value;
        decimal Money(int scale) => Math.Round((decimal)(random.NextDouble() * 2_000_000 - 500_000), scale + 2);
        return Enumerable.Range(0, count).Select(i => i switch
        {
            3 => new Sample(3, 1, 1m, 1m, 1m, 1m, 1m, new DateTime(2024, 1, 1), new DateTime(2024, 1, 1), "x", labels[5]),
            5 => new Sample(5, 1, 1m, 1m, 1m, 1m, 1m, new DateTime(1969, 12, 31, 23, 59, 59), new DateTime(1969, 12, 31), "x", "x"),
            7 => new Sample(7, 1, 12.3456m, 1m, 1m, 1m, 1m, new DateTime(2024, 1, 1), new DateTime(2024, 1, 1), "x", "x"),
            _ => new Sample(Maybe((long)i), Maybe(random.Next(int.MinValue, int.MaxValue)), Maybe(Money(2)), Maybe(Money(4)), Maybe(Math.Round(Money(2) / 1000, 4)), Maybe(Math.Round((decimal)random.Next(-9_999, 9_999) / 100, 2)),
                Maybe(Money(2) * 1_000_000_000), Maybe(new DateTime(1950, 1, 1).AddSeconds(random.NextInt64(0, 3_000_000_000))),
                Maybe(new DateTime(1950, 1, 1).AddDays(random.Next(0, 40_000))), MaybeText(((char)('A' + random.Next(26))).ToString()),
                MaybeText(labels[random.Next(labels.Length)])),
        }).ToList();
    }

    private static object?[] Boxed(Sample s) =>
    [
        s.Big, s.SmallInt, s.Money, s.Quantity, s.ShortMoney, s.Tenth, s.Wide,
        s.At, s.Day, s.Code, s.Label,
    ];

    private static async IAsyncEnumerable<IBulkBatch> Batches(List<Sample> rows, int size)
    {
        foreach (var chunk in rows.Chunk(size)) yield return new SampleBatch(chunk);
        await Task.CompletedTask;
    }


    private sealed class SampleBatch(Sample[] rows) : IBulkBatch
    {
        public int Count => rows.Length;

        public void Write(int index, IBulkRow row)
        {
            var s = rows[index];
            if (s.Big is { } big) row.Add(big); else row.AddNull();
            row.Add(s.SmallInt);
            row.Add(s.Money);
            row.Add(s.Quantity);
            row.Add(s.ShortMoney);
            row.Add(s.Tenth);
            row.Add(s.Wide);
            row.Add(s.At);
            row.Add(s.Day);
            row.Add(s.Code);
            // Half the text goes in as UTF-8 bytes, the way the claims loader hands it over.
            if (s.Label is null) row.AddNull();
            else if (index % 2 == 0) row.AddUtf8(Encoding.UTF8.GetBytes(s.Label));
            else row.Add(s.Label);
        }
    }
}
