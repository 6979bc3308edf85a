namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Where a typed bulk load writes one row's values, in the order of the columns it named, without boxing them.
/// </summary>
public interface IBulkRow
{
    void AddNull();

    void Add(long value);

    void Add(int? value);

    void Add(decimal? value);

    void Add(DateTime? value);

    void Add(string? value);

    /// <summary>Text already encoded as valid UTF-8 (the caller checks), so that no string is made for it.</summary>
    void AddUtf8(ReadOnlySpan<byte> value);
}
