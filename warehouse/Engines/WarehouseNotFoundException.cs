namespace Bhyt.Warehouse.Engines;

/// <summary>The target names a warehouse that does not exist yet (read-only use never creates one).</summary>
public sealed class WarehouseNotFoundException(WarehouseTarget target)
    : Exception($"Không tìm thấy kho dữ liệu '{target}'. Hãy chạy 'bhyt init --warehouse {target}' trước. [warehouse.not_found]")
{
    public WarehouseTarget Target { get; } = target;
}
