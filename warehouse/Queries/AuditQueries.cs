using System.Data.Common;
using Dapper;

namespace Bhyt.Warehouse.Queries;

/// <summary>One row of <c>rpt.audit</c>: one audited act (times UTC).</summary>
public sealed record AuditRow(long Id, DateTime OccurredAt, string Channel, string UserName, string? UserRole, string Action, string Outcome,
    string? Subject, string? Detail, string? ClientAddress, long? RowCount, long? DurationMs);

/// <summary>
/// What the Nhật ký page asks for: events from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive), both UTC; a
/// user name containing <see cref="User"/>; one action and one outcome; <see cref="Text"/> found in the subject, the detail
/// or the address. Texts match without regard to case; null or blank means no condition.
/// </summary>
public sealed record AuditFilter(DateTime? From = null, DateTime? To = null, string? User = null, string? Action = null, string? Outcome = null,
    string? Text = null);

/// <summary>One page of events, newest first, and how many events the filter matches in all.</summary>
public sealed record AuditPage(List<AuditRow> Rows, long Total, bool HasOlder);

/// <summary>
/// Reads <c>rpt.audit</c> for the administrators' Nhật ký page (callers check the role). Pages by key, newest first: a page
/// is the events older than the last one shown, so a page never shifts while new events arrive.
/// </summary>
public sealed class AuditQueries(ReportingDb db)
{
    /// <summary>Up to <paramref name="size"/> events matching <paramref name="filter"/> with ids below <paramref name="before"/> (all when null).</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, long? before, int size, CancellationToken ct)
    {
        var parameters = new DynamicParameters();
        var conditions = Conditions(filter, parameters);
        var total = (await db.QueryAsync($"SELECT COUNT(*) FROM rpt.audit {Where(conditions)}", parameters, r => ReportingDb.Integer(r, 0), ct))[0];
        if (before is { } id)
        {
            conditions.Add("event_id < @before");
            parameters.Add("before", id);
        }
        var rows = await db.QueryAsync($"""
            SELECT event_id, occurred_at, channel, user_name, user_role, action, outcome, subject, detail, client_address, row_count, duration_ms
            FROM rpt.audit {Where(conditions)}
            ORDER BY event_id DESC {db.Limit(size + 1)}
            """, parameters, Row, ct);
        var older = rows.Count > size;
        if (older) rows.RemoveAt(size);
        return new AuditPage(rows, total, older);
    }

    /// <summary>The user names in the log (for the filter's suggestions).</summary>
    public Task<List<string>> UsersAsync(CancellationToken ct) =>
        db.QueryAsync("SELECT DISTINCT user_name FROM rpt.audit ORDER BY user_name", null, r => r.GetString(0), ct);

    private static List<string> Conditions(AuditFilter filter, DynamicParameters parameters)
    {
        var conditions = new List<string>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add(name, value);
        }
        if (filter.From is { } from) Add("occurred_at >= @from", "from", from);
        if (filter.To is { } to) Add("occurred_at < @to", "to", to);
        if (!string.IsNullOrWhiteSpace(filter.User)) Add(@"LOWER(user_name) LIKE @user ESCAPE '\'", "user", Contains(filter.User));
        if (!string.IsNullOrWhiteSpace(filter.Action)) Add("action = @action", "action", filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.Outcome)) Add("outcome = @outcome", "outcome", filter.Outcome);
        if (!string.IsNullOrWhiteSpace(filter.Text))
            Add(@"(LOWER(subject) LIKE @text ESCAPE '\' OR LOWER(detail) LIKE @text ESCAPE '\' OR LOWER(client_address) LIKE @text ESCAPE '\')",
                "text", Contains(filter.Text));
        return conditions;
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

    /// <summary>A LIKE pattern finding <paramref name="text"/> anywhere, its own <c>%</c>, <c>_</c> and <c>\</c> taken literally.</summary>
    private static string Contains(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_").Replace("[", @"\[") + "%";

    private static AuditRow Row(DbDataReader r) => new(ReportingDb.Integer(r, 0), ReportingDb.Date(r, 1), r.GetString(2), r.GetString(3),
        ReportingDb.Text(r, 4), r.GetString(5), r.GetString(6), ReportingDb.Text(r, 7), ReportingDb.Text(r, 8), ReportingDb.Text(r, 9),
        r.IsDBNull(10) ? null : ReportingDb.Integer(r, 10), r.IsDBNull(11) ? null : ReportingDb.Integer(r, 11));
}
