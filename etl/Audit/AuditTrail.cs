using Bhyt.Warehouse.Engines;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Etl.Audit;

/// <summary>
/// The audit log's only writer: it appends events to <c>etl.audit_event</c> and has no way to change or remove one (the
/// retention purge is <see cref="AuditRetention"/>'s). Recording never breaks the act it records: a failed write is logged
/// (category <c>Bhyt.Etl.Audit.AuditTrail</c>, with the whole event) and reported by the return value, never thrown.
/// Texts longer than the columns allow are cut (SQL Server sizes, sql/sqlserver/0022_audit.sql).
/// </summary>
public sealed class AuditTrail(IWarehouseEngine engine, ILogger<AuditTrail>? log = null)
{
    public const int UserNameLimit = 128;
    public const int SubjectLimit = 400;
    public const int DetailLimit = 16_000;

    private readonly ILogger _log = log ?? NullLogger<AuditTrail>.Instance;

    /// <summary>
    /// Appends <paramref name="auditEvent"/>; false when it could not be written. Not cancellable on purpose: the event of a
    /// request the client abandoned is still recorded.
    /// </summary>
    public async Task<bool> AppendAsync(AuditEvent auditEvent)
    {
        try
        {
            await using var connection = await engine.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync(engine.Sql("""
                INSERT INTO etl.audit_event (occurred_at, channel, user_name, user_role, action, outcome, subject, detail, client_address,
                                             row_count, duration_ms)
                VALUES (@OccurredAt, @Channel, @UserName, @UserRole, @Action, @Outcome, @Subject, @Detail, @ClientAddress, @RowCount, @DurationMs)
                """), Bounded(auditEvent));
            return true;
        }
        catch (Exception e)
        {
            _log.LogError(e, "Audit event not written: {Action} {Outcome} by {User} ({Role}) from {Address} on {Subject} via {Channel} at {At:O}: {Detail}",
                auditEvent.Action, auditEvent.Outcome, auditEvent.UserName, auditEvent.UserRole, auditEvent.ClientAddress, auditEvent.Subject,
                auditEvent.Channel, auditEvent.OccurredAt, auditEvent.Detail);
            return false;
        }
    }

    private static AuditEvent Bounded(AuditEvent e) => e with
    {
        UserName = Cut(e.UserName, UserNameLimit) ?? "",
        Subject = Cut(e.Subject, SubjectLimit),
        Detail = Cut(e.Detail, DetailLimit),
        UserRole = Cut(e.UserRole, 20),
        ClientAddress = Cut(e.ClientAddress, 64),
    };

    private static string? Cut(string? text, int limit) => text is null || text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
