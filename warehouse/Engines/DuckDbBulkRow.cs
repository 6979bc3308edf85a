using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Bhyt.Warehouse.Engines;

/// <summary>Hands typed values to the current appender row with DuckDB.NET's typed overloads (no boxing).</summary>
internal sealed class DuckDbBulkRow : IBulkRow
{
    public IDuckDBAppenderRow Row { get; set; } = null!;

    public void AddNull() => Row.AppendNullValue();

    public void Add(long value) => Row.AppendValue((long?)value);

    public void Add(int? value) => Row.AppendValue(value);

    public void Add(decimal? value) => Row.AppendValue(value);

    public void Add(DateTime? value) => Row.AppendValue(value);

    public void Add(string? value) => Row.AppendValue(value);

    // The appender copies the bytes at once; it only takes a writable span. An empty span would read as NULL there.
    public void AddUtf8(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) Row.AppendValue(string.Empty);
        else Row.AppendValue(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(value), value.Length));
    }
}
