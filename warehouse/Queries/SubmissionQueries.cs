using Bhyt.Warehouse.Units.Scope;

namespace Bhyt.Warehouse.Queries;

/// <summary>One row of <c>rpt.submissions</c>.</summary>
public sealed record SubmissionRow(long Id, string FileName, string Kind, string? UnitCode, DateTime ReceivedAt, string Status, long RowsLoaded, long RowsRejected, long Warnings)
{
    public string StatusVi => Status switch
    {
        "loaded" => "Đã nạp",
        "rejected" => "Bị từ chối",
        "duplicate" => "Trùng lặp",
        "superseded" => "Đã thay thế",
        "empty" => "Không có số liệu",
        _ => Status,
    };
}

/// <summary>One row of <c>rpt.validation_issues</c>.</summary>
public sealed record IssueRow(long SubmissionId, string FileName, string Location, string Rule, string Severity, string Message, string? UnitCode, string? PeriodLabel, string? Indicator)
{
    public string SeverityVi => Severity == "error" ? "Lỗi" : "Cảnh báo";
}

/// <summary>Whether a child unit's figures for a year arrived, and when.</summary>
public sealed record ReportingStatus(UnitInfo Unit, long Figures, DateTime? FirstReceived, bool Late)
{
    public string StatusVi => Figures == 0 ? "Chưa có số liệu" : Late ? "Nộp muộn" : "Đã nộp";
}

/// <summary>
/// Submissions, their validation issues and who has reported for a year, from <c>rpt.submissions</c>, <c>rpt.validation_issues</c>
/// and <c>rpt.indicator_values</c>. A caller limited to a scope (<see cref="IUnitAccessSource"/>) reads only submissions about
/// units in it (by code and boundary set): none without a unit (claims, facilities), none of another unit passed in.
/// </summary>
public sealed class SubmissionQueries(ReportingDb db, UnitCatalog units, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    /// <summary>Figures for year Y are due by this day of year Y+1 (the annual report deadline).</summary>
    public static readonly (int Month, int Day) Deadline = (1, 31);

    /// <summary>Submissions about <paramref name="unit"/> or any unit below it (all for the country), newest first.</summary>
    public async Task<List<SubmissionRow>> ListAsync(UnitInfo unit, int limit, CancellationToken ct)
    {
        var access = await _access.CurrentAsync(ct);
        if (!access.Allows(unit)) return [];
        var parameters = new Dapper.DynamicParameters(new { unit = unit.Code, level = unit.Level, set = unit.Set, country = unit.Level == "country" ? 1 : 0 });
        var scope = access.Predicate("s.boundary_set", "s.unit_code", parameters);
        return await db.QueryAsync($"""
            SELECT s.submission_id, s.file_name, s.kind, s.unit_code, s.received_at, s.status, s.rows_loaded, s.rows_rejected, s.warnings
            FROM rpt.submissions s
            WHERE {scope} AND (@country = 1
               OR ((s.boundary_set IS NULL OR s.boundary_set = @set)
                   AND (s.unit_code = @unit
                        OR s.unit_code IN (SELECT u.unit_code FROM rpt.units u
                                           WHERE u.boundary_set = @set AND ((@level = 'province' AND u.province_code = @unit)
                                                                         OR (@level = 'district' AND u.parent_code = @unit))))))
            ORDER BY s.received_at DESC, s.submission_id DESC
            {db.Limit(limit)}
            """, parameters,
            r => new SubmissionRow(ReportingDb.Integer(r, 0), r.GetString(1), r.GetString(2), ReportingDb.Text(r, 3), ReportingDb.Date(r, 4),
                r.GetString(5), ReportingDb.Integer(r, 6), ReportingDb.Integer(r, 7), ReportingDb.Integer(r, 8)), ct);
    }

    /// <summary>The issues of one submission, when the submission is about a unit in the caller's scope (else none).</summary>
    public async Task<List<IssueRow>> IssuesAsync(long submissionId, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(new { submissionId });
        var scope = (await _access.CurrentAsync(ct)).Predicate("s.boundary_set", "s.unit_code", parameters);
        return await db.QueryAsync($"""
            SELECT submission_id, file_name, location, rule, severity, message, unit_code, period_label, indicator_code
            FROM rpt.validation_issues
            WHERE submission_id = @submissionId AND submission_id IN (SELECT s.submission_id FROM rpt.submissions s WHERE {scope})
            ORDER BY severity, location
            """, parameters, r => new IssueRow(ReportingDb.Integer(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetString(5), ReportingDb.Text(r, 6), ReportingDb.Text(r, 7), ReportingDb.Text(r, 8)), ct);
    }

    /// <summary>For each child unit of <paramref name="parent"/>: submitted figures for <paramref name="year"/> and when they first arrived.</summary>
    public async Task<List<ReportingStatus>> ReportingAsync(UnitInfo parent, Selection selection, int year, CancellationToken ct)
    {
        var access = await _access.CurrentAsync(ct);
        if (!access.Allows(parent)) return [];
        var children = (await units.ChildrenAsync(selection.Set, parent.Code, ct)).Where(access.Allows).ToList();
        if (children.Count == 0) return [];
        var rows = await db.QueryAsync("""
            SELECT v.unit_code, count(*), min(s.received_at)
            FROM rpt.indicator_values v
            JOIN rpt.submissions s ON s.submission_id = v.submission_id
            JOIN rpt.units u ON u.unit_code = v.unit_code AND u.level = v.unit_level AND u.boundary_set = v.boundary_set
            WHERE u.parent_code = @parent AND v.boundary_set = @set AND v.source IN ('submission', 'published')
              AND v.period_start >= @from AND v.period_end <= @to
            GROUP BY v.unit_code
            """, new
        {
            parent = parent.Code,
            set = selection.Set,
            from = new DateOnly(year, 1, 1),
            to = new DateOnly(year, 12, 31),
        }, r => (Code: r.GetString(0), Count: ReportingDb.Integer(r, 1), First: ReportingDb.NullableDate(r, 2)), ct);
        var byCode = rows.ToDictionary(r => r.Code);
        var due = new DateTime(year + 1, Deadline.Month, Deadline.Day).AddDays(1);
        return children.Select(c => byCode.TryGetValue(c.Code, out var r)
                ? new ReportingStatus(c, r.Count, r.First, r.First >= due)
                : new ReportingStatus(c, 0, null, false))
            .ToList();
    }
}
