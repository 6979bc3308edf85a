using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Security;
using Bhyt.Etl.Audit;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Dapper;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>
/// The *Bất thường* page's service: every signed-in user reads the anomalies; only analysts and administrators record a
/// verdict (acknowledged, confirmed, dismissed, resolved — with a note), checked here on the server, not only by hiding the
/// buttons. A verdict writes status, reviewed_by, reviewed_at and review_note of <c>dw.anomaly</c>; re-detection keeps it
/// (see <c>AnomalyStore</c>). Both the list and a verdict are limited to the account's unit scope: an anomaly of another
/// unit is refused even when its id is sent. Every verdict, and every refused attempt, is recorded in the audit log.
/// </summary>
public sealed class AnomalyReviewService(IWarehouseEngine engine, AnomalyQueries queries, AuthenticationStateProvider authentication,
    IAuditLog audit, ILogger<AnomalyReviewService> log)
{
    public const int ListLimit = 2000;
    public const int NoteLimit = 2000;

    /// <summary>The statuses and their Vietnamese names, in review order (<c>open</c> is the status of a new finding).</summary>
    public static readonly IReadOnlyList<(string Code, string NameVi)> Statuses =
    [
        ("open", "Mới"), ("acknowledged", "Đã ghi nhận"), ("confirmed", "Xác nhận bất thường"), ("dismissed", "Bác bỏ"), ("resolved", "Đã xử lý"),
    ];

    public static string StatusVi(string status) => Statuses.FirstOrDefault(s => s.Code == status).NameVi ?? status;

    public static string SeverityVi(string severity) => severity switch
    {
        "high" => "Cao",
        "medium" => "Trung bình",
        "low" => "Thấp",
        _ => severity,
    };

    public Task<List<AnomalyRow>> ListAsync(UnitInfo unit, AnomalyFilter filter, CancellationToken ct) =>
        queries.ListAsync(unit, filter, ListLimit, ct);

    /// <summary>Each rule's and method's flags and verdicts over the unit's subtree (see <see cref="RulePrecision"/>).</summary>
    public Task<List<RulePrecision>> PrecisionAsync(UnitInfo unit, CancellationToken ct) => queries.PrecisionAsync(unit, ct);

    /// <summary>True when the signed-in user may record a verdict.</summary>
    public async Task<bool> CanReviewAsync() => IsReviewer((await authentication.GetAuthenticationStateAsync()).User);

    /// <summary>Records <paramref name="status"/> (not <c>open</c>) with the reviewer, the time and the note; false when no such anomaly in the account's scope.</summary>
    public Task<bool> ReviewAsync(long anomalyId, string status, string? note, CancellationToken ct) =>
        audit.RecordingAsync(AuditActions.AnomalyReview, $"anomaly {anomalyId}", () => RecordVerdictAsync(anomalyId, status, note, ct),
            changed => changed ? $"{status}: {note?.Trim()}" : "không có bất thường này trong phạm vi",
            changed => changed ? AuditOutcomes.Success : AuditOutcomes.Failure);

    private async Task<bool> RecordVerdictAsync(long anomalyId, string status, string? note, CancellationToken ct)
    {
        var reviewer = await RequireReviewerAsync();
        if (status == "open" || Statuses.All(s => s.Code != status))
            throw new ArgumentException($"Trạng thái '{status}' không hợp lệ: chọn ghi nhận, xác nhận, bác bỏ hoặc đã xử lý.", nameof(status));
        // Another unit's anomaly is answered as a missing one: its existence is not told either.
        if (!await queries.IsVisibleAsync(anomalyId, ct)) return false;
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > NoteLimit) note = note[..NoteLimit];
        await using var connection = await engine.OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            UPDATE dw.anomaly SET status = @status, reviewed_by = @reviewer, reviewed_at = @at, review_note = @note
            WHERE anomaly_id = @id
            """), new { status, reviewer, at = DateTime.UtcNow, note, id = anomalyId }, cancellationToken: ct));
        if (changed > 0) log.LogInformation("{User} set anomaly {Anomaly} to {Status}", reviewer, anomalyId, status);
        return changed > 0;
    }

    private async Task<string> RequireReviewerAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!IsReviewer(user) || user.Identity?.Name is not { } name)
            throw new UnauthorizedAccessException("Chỉ tài khoản phân tích hoặc quản trị được kết luận về bất thường. [anomaly.role]");
        return name;
    }

    private static bool IsReviewer(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Admin);
}
