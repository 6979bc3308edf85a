using System.Data.Common;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Detection;

/// <summary>
/// Records what a detection run looked at in <c>dw.detection_sweep</c>: each kind its detectors report, the months
/// [from, to] (null = all) and when the run started. A stored anomaly of that kind and period whose
/// <c>last_detected_at</c> is older than a later sweep was not found again: it has cleared (the data was corrected), and
/// the alerts that stood on it resolve (<c>Alerts.AnomalyConditions</c>). The store itself never deletes an anomaly.
/// </summary>
public static class DetectionSweeps
{
    private static readonly string[] Columns = ["kind", "swept_at", "period_from", "period_to"];

    public static async Task RecordAsync(IWarehouseEngine engine, DbConnection connection, IEnumerable<string> kinds, DateOnly? from, DateOnly? to,
        DateTime startedAt, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = kinds.Distinct(StringComparer.Ordinal)
            .Select(kind => new object?[] { kind, startedAt, from, to });
        await engine.BulkInsertAsync(connection, transaction, "dw.detection_sweep", Columns, rows, ct);
        await transaction.CommitAsync(ct);
    }
}
