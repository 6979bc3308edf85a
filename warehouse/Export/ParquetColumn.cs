using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace Bhyt.Warehouse.Export;

/// <summary>
/// One column of an exported view, buffered for the current Parquet row group: the field it is written as and the
/// values read so far. Built from the CLR type the engine's reader gives the column, so both engines map alike.
/// </summary>
internal abstract class ParquetColumn(DataField field)
{
    public DataField Field { get; } = field;

    public abstract void Add(DbDataReader reader, int ordinal);

    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct);

    /// <summary>The column for a reader's field type; types Parquet has no plain equivalent for travel as text.</summary>
    public static ParquetColumn For(ViewColumn column, Type type, int capacity) => For(column.Name, type, column.NumericScale, capacity);

    private static ParquetColumn For(string name, Type type, int? scale, int capacity) => type switch
    {
        _ when type == typeof(bool) => new Values<bool>(new DataField<bool?>(name), capacity, (r, i) => r.GetBoolean(i)),
        _ when type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int) =>
            new Values<int>(new DataField<int?>(name), capacity, (r, i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture)),
        _ when type == typeof(uint) || type == typeof(long) =>
            new Values<long>(new DataField<long?>(name), capacity, (r, i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture)),
        _ when type == typeof(float) || type == typeof(double) =>
            new Values<double>(new DataField<double?>(name), capacity, (r, i) => Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture)),
        _ when type == typeof(decimal) || type == typeof(ulong) || type == typeof(BigInteger) =>
            new Values<decimal>(new DecimalDataField(name, 38, DecimalScale(type, scale), false, true), capacity, ReadDecimal),
        _ when type == typeof(DateOnly) => new Values<DateOnly>(new DataField<DateOnly?>(name), capacity, (r, i) => r.GetFieldValue<DateOnly>(i)),
        _ when type == typeof(DateTime) => new Values<DateTime>(
            new DateTimeDataField(name, DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros, true, null, null),
            capacity, (r, i) => r.GetDateTime(i)),
        _ when type == typeof(DateTimeOffset) => new Values<DateTime>(
            new DateTimeDataField(name, DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Micros, true, null, null),
            capacity, (r, i) => r.GetFieldValue<DateTimeOffset>(i).UtcDateTime),
        _ => new Texts(new DataField<string>(name), capacity),
    };

    // The view's declared scale keeps every decimal exact; whole numbers (HUGEINT sums, ulong) keep scale 0.
    private static int DecimalScale(Type type, int? declared) => type == typeof(decimal) ? Math.Clamp(declared ?? 6, 0, 28) : 0;

    private static decimal ReadDecimal(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        BigInteger big => (decimal)big,
        var value => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private sealed class Values<T>(DataField field, int capacity, Func<DbDataReader, int, T> read) : ParquetColumn(field) where T : struct
    {
        private readonly T?[] _buffer = new T?[capacity];
        private int _count;

        public override void Add(DbDataReader reader, int ordinal) =>
            _buffer[_count++] = reader.IsDBNull(ordinal) ? null : read(reader, ordinal);

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct)
        {
            await rowGroup.WriteAsync<T>(Field, _buffer.AsMemory(0, count), null, null, ct);
            _count = 0;
        }
    }

    private sealed class Texts(DataField field, int capacity) : ParquetColumn(field)
    {
        private readonly string?[] _buffer = new string?[capacity];
        private int _count;

        public override void Add(DbDataReader reader, int ordinal) =>
            _buffer[_count++] = reader.IsDBNull(ordinal) ? null : ExportValue.Text(reader.GetValue(ordinal));

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, int count, CancellationToken ct)
        {
            await rowGroup.WriteAsync(Field, new ArraySegment<string?>(_buffer, 0, count)!, null);
            _count = 0;
        }
    }
}
