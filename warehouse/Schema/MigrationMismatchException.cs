namespace Bhyt.Warehouse.Schema;

/// <summary>A migration recorded in the warehouse differs from the script this build carries.</summary>
public sealed class MigrationMismatchException(MigrationScript script, string recordedChecksum)
    : Exception($"Migration {script.Name} đã áp dụng với nội dung khác (checksum {Short(recordedChecksum)}… ≠ {Short(script.Checksum)}…). " +
                "Kho dữ liệu được tạo bởi một phiên bản khác; không sửa các migration đã phát hành, hãy thêm migration mới. [schema.checksum_mismatch]")
{
    public MigrationScript Script { get; } = script;

    private static string Short(string checksum) => checksum.Length <= 12 ? checksum : checksum[..12];
}
