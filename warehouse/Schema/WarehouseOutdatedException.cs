using Bhyt.Warehouse.Engines;

namespace Bhyt.Warehouse.Schema;

/// <summary>
/// A warehouse made by an earlier version of the product, with numbered schema scripts of this version not yet applied:
/// a command that reads or writes its tables would meet a missing table half-way. <c>bhyt init</c> applies them (safe,
/// nothing loaded is lost).
/// </summary>
public sealed class WarehouseOutdatedException(WarehouseTarget target, IReadOnlyList<MigrationScript> pending, bool initialised = true)
    : Exception(initialised
        ? $"Kho dữ liệu '{target}' được tạo bởi phiên bản cũ hơn: còn {pending.Count} bước nâng cấp lược đồ chưa áp dụng " +
          $"({string.Join(", ", pending.Take(3).Select(s => s.Name))}{(pending.Count > 3 ? ", …" : "")}). " +
          $"Hãy chạy 'bhyt init --warehouse {target}' (an toàn, giữ nguyên dữ liệu đã nạp) rồi chạy lại lệnh. [warehouse.outdated]"
        : $"Kho dữ liệu '{target}' chưa được khởi tạo (không có bảng phiên bản lược đồ). Hãy chạy 'bhyt init --warehouse {target}' trước. [warehouse.not_initialised]")
{
    public IReadOnlyList<MigrationScript> Pending { get; } = pending;

    /// <summary>False for a file that was never initialised (no schema table at all).</summary>
    public bool Initialised { get; } = initialised;
}
