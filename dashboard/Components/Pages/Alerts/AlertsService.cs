using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Security;
using Bhyt.Etl.Audit;
using Bhyt.Etl.Alerts;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Alerts;

/// <summary>Everything the Cảnh báo page shows for one unit: its subtree's alerts and their deliveries, the rules and the silences.</summary>
public sealed record AlertsPageData(List<AlertRow> Alerts, List<AlertDeliveryRow> Deliveries, List<AlertRuleRow> Rules, List<AlertSilenceRow> Silences);

/// <summary>
/// The Cảnh báo page's service: every signed-in user reads the alerts, deliveries, rules and silences; analysts and
/// administrators acknowledge an alert; only administrators edit rules and silences — checked here on the server, not
/// only by hiding the forms. The changes themselves are <see cref="AlertAdministration"/>'s; each one, and each refused
/// attempt, is recorded in the audit log. Within the account's unit scope only: an alert, a rule or a silence of a unit
/// outside it (or of the whole country, for a scoped account) is refused.
/// </summary>
public sealed class AlertsService(IWarehouseEngine engine, AlertQueries queries, AuthenticationStateProvider authentication, IUnitAccessSource access,
    IAuditLog audit,
    ILogger<AlertsService> log)
{
    public const int ListLimit = 2000;

    public async Task<AlertsPageData> LoadAsync(UnitInfo unit, CancellationToken ct) => new(
        await queries.AlertsAsync(unit, ListLimit, ct), await queries.DeliveriesAsync(unit, ListLimit, ct), await queries.RulesAsync(ct),
        await queries.SilencesAsync(200, ct));

    public async Task<bool> CanAdministerAsync() => (await authentication.GetAuthenticationStateAsync()).User.IsInRole(Roles.Admin);

    public async Task<bool> CanAcknowledgeAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Analyst);
    }

    public Task<bool> AcknowledgeAsync(long alertId, CancellationToken ct) =>
        audit.RecordingAsync(AuditActions.AlertAcknowledge, $"alert {alertId}", () => AcknowledgeAlertAsync(alertId, ct),
            done => done ? null : "không có cảnh báo mở này", done => done ? AuditOutcomes.Success : AuditOutcomes.Failure);

    private async Task<bool> AcknowledgeAlertAsync(long alertId, CancellationToken ct)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!(user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Analyst)) || user.Identity?.Name is not { } name)
            throw new UnauthorizedAccessException("Chỉ tài khoản phân tích hoặc quản trị được ghi nhận cảnh báo. [alert.role]");
        if (!await queries.IsVisibleAsync(alertId, ct))
            throw new UnauthorizedAccessException($"Cảnh báo #{alertId} không có hoặc nằm ngoài phạm vi đơn vị của tài khoản. [scope.refused]");
        var done = await new AlertAdministration(engine).AcknowledgeAsync(alertId, name, DateTime.UtcNow, ct);
        if (done) log.LogInformation("{User} acknowledged alert {Alert}", name, alertId);
        return done;
    }

    public Task<long> SaveRuleAsync(AlertRule rule, CancellationToken ct) =>
        audit.RecordingAsync(AuditActions.AlertRuleSave, rule.Code, () => SaveAlertRuleAsync(rule, ct),
            id => $"quy tắc {id}: {rule.Condition}, đơn vị {rule.UnitCode ?? "mọi đơn vị"}, ngưỡng {rule.Threshold}, bật {rule.Enabled}");

    private async Task<long> SaveAlertRuleAsync(AlertRule rule, CancellationToken ct)
    {
        var name = await RequireAdminAsync();
        await RequireInScopeAsync(rule.UnitCode, ct);
        var id = await new AlertAdministration(engine).SaveRuleAsync(rule, name, DateTime.UtcNow, ct);
        log.LogInformation("{User} saved alert rule {Rule} ({Code}, unit {Unit})", name, id, rule.Code, rule.UnitCode);
        return id;
    }

    public Task<long> AddSilenceAsync(string? ruleCode, string? unitCode, string reason, DateTime endsAt, CancellationToken ct) =>
        audit.RecordingAsync(AuditActions.AlertSilenceAdd, $"{ruleCode ?? "mọi quy tắc"} / {unitCode ?? "mọi đơn vị"}",
            () => AddAlertSilenceAsync(ruleCode, unitCode, reason, endsAt, ct), id => $"lịch tạm tắt {id} đến {endsAt:yyyy-MM-dd HH:mm} UTC: {reason}");

    private async Task<long> AddAlertSilenceAsync(string? ruleCode, string? unitCode, string reason, DateTime endsAt, CancellationToken ct)
    {
        var name = await RequireAdminAsync();
        await RequireInScopeAsync(unitCode, ct);
        var now = DateTime.UtcNow;
        return await new AlertAdministration(engine).AddSilenceAsync(ruleCode, unitCode, name, reason, now, endsAt, now, ct);
    }

    public Task<bool> EndSilenceAsync(long silenceId, CancellationToken ct) =>
        audit.RecordingAsync(AuditActions.AlertSilenceEnd, $"silence {silenceId}", () => EndAlertSilenceAsync(silenceId, ct),
            done => done ? null : "không có lịch tạm tắt đang hiệu lực này", done => done ? AuditOutcomes.Success : AuditOutcomes.Failure);

    private async Task<bool> EndAlertSilenceAsync(long silenceId, CancellationToken ct)
    {
        await RequireAdminAsync();
        if ((await queries.SilencesAsync(int.MaxValue, ct)).FirstOrDefault(s => s.Id == silenceId) is not { } silence) return false;
        await RequireInScopeAsync(silence.UnitCode, ct);
        return await new AlertAdministration(engine).EndSilenceAsync(silenceId, DateTime.UtcNow, ct);
    }

    /// <summary>A rule or silence of <paramref name="unitCode"/> (null = the whole country) must lie in the account's scope.</summary>
    private async Task RequireInScopeAsync(string? unitCode, CancellationToken ct)
    {
        var scope = await access.CurrentAsync(ct);
        if (scope.IsCountry) return;
        if (string.IsNullOrWhiteSpace(unitCode))
            throw new UnauthorizedAccessException($"Tài khoản chỉ quản lý được đơn vị trong phạm vi {scope.ScopeName}, không phải toàn quốc. [scope.refused]");
        if (!scope.AllowsCode(unitCode.Trim()))
            throw new UnauthorizedAccessException($"Đơn vị '{unitCode.Trim()}' nằm ngoài phạm vi {scope.ScopeName} của tài khoản. [scope.refused]");
    }

    private async Task<string> RequireAdminAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!user.IsInRole(Roles.Admin) || user.Identity?.Name is not { } name)
            throw new UnauthorizedAccessException("Chỉ tài khoản quản trị được sửa quy tắc cảnh báo và lịch tạm tắt. [alert.admin]");
        return name;
    }
}
