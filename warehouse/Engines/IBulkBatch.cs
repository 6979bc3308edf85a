namespace Bhyt.Warehouse.Engines;

/// <summary>A batch of rows for a typed bulk load: the engine asks for each row's values in turn.</summary>
public interface IBulkBatch
{
    int Count { get; }

    /// <summary>Writes the values of row <paramref name="index"/>, one per column named to the load, in that order.</summary>
    void Write(int index, IBulkRow row);
}
