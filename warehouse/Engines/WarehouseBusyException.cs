namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Another process holds the DuckDB file (DuckDB lets one process at a time open a file for writing — usually the
/// running dashboard, which also loads files from its inbox).
/// </summary>
public sealed class WarehouseBusyException(string file, TimeSpan waited, Exception inner)
    : Exception($"Kho dữ liệu '{file}' đang được một tiến trình khác mở (thường là dashboard đang chạy); đã chờ {waited.TotalSeconds:0} giây. " +
                "DuckDB chỉ cho một tiến trình mở tệp để ghi: hãy đặt tệp vào hộp thư (inbox) của dashboard để nó tự nạp, " +
                "hoặc dừng dashboard rồi chạy lại lệnh. [warehouse.busy]", inner)
{
    public string File { get; } = file;
}
