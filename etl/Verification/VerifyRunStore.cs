using System.Text.Encodings.Web;
using System.Text.Json;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Verification;

/// <summary>Keeps each scheduled verification in <c>etl.verify_run</c> (findings as JSON) and reads back the last one.</summary>
public sealed class VerifyRunStore(IWarehouseEngine engine)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task SaveAsync(VerificationReport report, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await engine.ReserveKeysAsync(connection, transaction, "etl.seq_verify_run", 1, ct);
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            INSERT INTO etl.verify_run (run_id, started_at, finished_at, finding_count, findings)
            VALUES (@id, @StartedAt, @FinishedAt, @count, @findings)
            """), new { id, report.StartedAt, report.FinishedAt, count = report.Findings.Count, findings = JsonSerializer.Serialize(report.Findings, Json) },
            transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>The most recent stored run, or null when verification has never run.</summary>
    public async Task<VerificationReport?> LastAsync(CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<(DateTime StartedAt, DateTime FinishedAt, string Findings)?>(new CommandDefinition(engine.Sql(
            $"SELECT started_at, finished_at, findings FROM etl.verify_run ORDER BY run_id DESC {engine.RowLimit(1)}"), cancellationToken: ct));
        return row is { } r ? new VerificationReport(r.StartedAt, r.FinishedAt, JsonSerializer.Deserialize<List<VerificationFinding>>(r.Findings, Json) ?? []) : null;
    }
}
