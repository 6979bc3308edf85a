using System.Diagnostics;
using Bhyt.Dashboard.Audit;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Warehouse.Querying;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Console;

/// <summary>
/// The SQL console's server side for analysts and administrators (checked here, not only by the page): each query runs on
/// its own read-only rpt-only session limited to the account's unit scope, and lands in the user's own history and in the
/// audit log (text, rows, duration, outcome).
/// </summary>
public sealed class ConsoleService(ReadOnlyQueryRunner runner, IUnitScopeResolver scopes, QueryHistoryStore history,
    ConsoleOptions options, SessionValidator sessions, AuthenticationStateProvider authentication, IAuditLog audit)
{
    public QueryLimits Limits => options.Limits;

    /// <summary>The rpt views and columns the user's session shows, for the schema browser and the completion list.</summary>
    public async Task<IReadOnlyList<RptColumn>> SchemaAsync(CancellationToken ct)
    {
        var (_, scope) = await UserAsync(ct);
        return await runner.RptColumnsAsync(scope, ct);
    }

    /// <summary>Runs one query; a refusal, failure, timeout or cancel is recorded in the history and rethrown.</summary>
    public async Task<QueryResult> RunAsync(string sql, CancellationToken ct)
    {
        var (user, scope) = await UserAsync(ct);
        var ranAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            // DuckDB.NET executes synchronously: off the circuit's dispatcher, so the page stays live and "Hủy" can be clicked.
            var result = await Task.Run(() => runner.RunRptAsync(sql, scope, options.Limits, ct), CancellationToken.None);
            await history.SaveAsync(user, ranAt, sql, result.Rows.Count, result.Elapsed, "ok", result.Truncated ? "cắt theo giới hạn dòng" : null, CancellationToken.None);
            await audit.RecordConsoleQueryAsync(sql, result.Rows.Count, result.Elapsed);
            return result;
        }
        catch (Exception e) when (Outcome(e, ct) is { } outcome)
        {
            await history.SaveAsync(user, ranAt, sql, 0, clock.Elapsed, outcome, e.Message, CancellationToken.None);
            await audit.RecordConsoleQueryAsync(sql, 0, clock.Elapsed, $"{outcome}: {e.Message}", refused: outcome == "refused");
            throw;
        }
    }

    /// <summary>The user's latest queries, newest first.</summary>
    public async Task<IReadOnlyList<QueryHistoryEntry>> HistoryAsync(CancellationToken ct)
    {
        var (user, _) = await UserAsync(ct);
        return await history.ForUserAsync(user, options.HistoryShown, ct);
    }

    private static string? Outcome(Exception e, CancellationToken ct) => e switch
    {
        QueryRefusedException => "refused",
        QueryTimeoutException => "timeout",
        OperationCanceledException when ct.IsCancellationRequested => "cancelled",
        QueryFailedException => "error",
        _ => null,
    };

    private async Task<(string User, RptScope Scope)> UserAsync(CancellationToken ct)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!(user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Admin)) || user.Identity?.Name is not { } name || !sessions.IsValid(user))
            throw new UnauthorizedAccessException("Chỉ tài khoản phân tích hoặc quản trị được dùng bảng truy vấn SQL.");
        return (name, await scopes.ResolveAsync(DashboardClaims.UnitScopeOf(user), ct));
    }
}
