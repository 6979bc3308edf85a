using System.Text;

namespace Bhyt.Warehouse.Engines;

/// <summary>Collects a typed row as boxed values, for engines whose bulk API takes objects (SqlBulkCopy).</summary>
internal sealed class BoxedBulkRow(int columns) : IBulkRow
{
    private readonly List<object?> _values = new(columns);

    public object?[] Take()
    {
        var row = _values.ToArray();
        _values.Clear();
        return row;
    }

    public void AddNull() => _values.Add(null);

    public void Add(long value) => _values.Add(value);

    public void Add(int? value) => _values.Add(value);

    public void Add(decimal? value) => _values.Add(value);

    public void Add(DateTime? value) => _values.Add(value);

    public void Add(string? value) => _values.Add(value);

    public void AddUtf8(ReadOnlySpan<byte> value) => _values.Add(Encoding.UTF8.GetString(value));
}
