using System.Diagnostics;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Warehouse.Operations;

/// <summary>Takes a backup through the engine (see <see cref="IWarehouseEngine.BackupAsync"/>) and says what it wrote.</summary>
public sealed class WarehouseBackup(IWarehouseEngine engine)
{
    public async Task<BackupResult> BackupAsync(string file, bool byHost, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await engine.BackupAsync(file, ct);
        // A SQL Server backup lies on the database server: its size is known here only when that is this machine.
        var bytes = File.Exists(file) ? new FileInfo(file).Length : 0;
        return new BackupResult(Path.GetFullPath(file), bytes, Math.Round(clock.Elapsed.TotalSeconds, 3), byHost);
    }
}
