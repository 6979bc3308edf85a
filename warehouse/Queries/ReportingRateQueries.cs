using Bhyt.Warehouse.Units.Scope;
using Dapper;

namespace Bhyt.Warehouse.Queries;

/// <summary>One row of <c>rpt.reporting_rates</c>: how many reports a parent unit's children owed for a period and form, and how many came.</summary>
public sealed record ReportingRateRow(string? ParentCode, string? ParentName, string Level, string Schedule, string PeriodLabel, DateTime PeriodStart,
    int? Form, DateTime Due, long Expected, long Received, long OnTime, long Late, long Missing, long Pending, double? Rate, double? OnTimeRate)
{
    public string LevelVi => Level switch { "commune" => "Xã", "district" => "Huyện", "province" => "Tỉnh", _ => Level };
}

/// <summary>A report a unit owes and has not sent on time (<c>rpt.reporting_status</c>): missing, late or still pending.</summary>
public sealed record OutstandingReport(string UnitCode, string UnitName, string? ParentName, string Schedule, string PeriodLabel, int? Form, DateTime Due,
    string Status, DateTime? ReceivedAt, long DaysLate)
{
    public string StatusVi => Status switch
    {
        "missing" => "Chưa nộp (quá hạn)",
        "late" => "Nộp muộn",
        "pending" => "Chưa đến hạn",
        "on_time" => "Đúng hạn",
        _ => Status,
    };
}

/// <summary>
/// Reporting completeness and timeliness under a unit, from <c>rpt.reporting_rates</c> and <c>rpt.reporting_status</c>:
/// the rates of the unit's children and grandchildren (a province sees its districts and each district's communes), and
/// the reports still missing. Empty when no reporting schedule is loaded. A caller limited to a unit scope
/// (<see cref="IUnitAccessSource"/>) reads only the rates of parents in it and the reports of units in it.
/// </summary>
public sealed class ReportingRateQueries(ReportingDb db, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    private const string UnderUnit = """
        (@country = 1 OR parent_code = @unit
         OR parent_code IN (SELECT u.unit_code FROM rpt.units u WHERE u.parent_code = @unit))
        """;

    public async Task<List<ReportingRateRow>> RatesAsync(UnitInfo unit, int limit, CancellationToken ct)
    {
        var access = await _access.CurrentAsync(ct);
        if (!access.Allows(unit)) return [];
        var parameters = Parameters(unit);
        var scope = access.Predicate("boundary_set", "parent_code", parameters);
        return await db.QueryAsync($"""
            SELECT parent_code, parent_name, unit_level, schedule_name, period_label, period_start, form, due_date,
                   expected, received, on_time, late, missing, pending, reporting_rate, on_time_rate
            FROM rpt.reporting_rates
            WHERE {scope} AND {UnderUnit}
            ORDER BY due_date DESC, period_start DESC, unit_level, parent_name, form
            {db.Limit(limit)}
            """, parameters, r => new ReportingRateRow(ReportingDb.Text(r, 0), ReportingDb.Text(r, 1), r.GetString(2), r.GetString(3), r.GetString(4),
                ReportingDb.Date(r, 5), r.IsDBNull(6) ? null : (int)ReportingDb.Integer(r, 6), ReportingDb.Date(r, 7), ReportingDb.Integer(r, 8),
                ReportingDb.Integer(r, 9), ReportingDb.Integer(r, 10), ReportingDb.Integer(r, 11), ReportingDb.Integer(r, 12), ReportingDb.Integer(r, 13),
                ReportingDb.NullableNumber(r, 14), ReportingDb.NullableNumber(r, 15)), ct);
    }

    /// <summary>Reports under the unit whose deadline passed with nothing received, latest deadline first.</summary>
    public async Task<List<OutstandingReport>> MissingAsync(UnitInfo unit, int limit, CancellationToken ct)
    {
        var access = await _access.CurrentAsync(ct);
        if (!access.Allows(unit)) return [];
        var parameters = Parameters(unit);
        var scope = access.Predicate("boundary_set", "unit_code", parameters);
        return await db.QueryAsync($"""
            SELECT unit_code, unit_name, parent_name, schedule_name, period_label, form, due_date, status, received_at, days_late
            FROM rpt.reporting_status
            WHERE status = 'missing' AND {scope} AND {UnderUnit}
            ORDER BY due_date DESC, parent_name, unit_name, form
            {db.Limit(limit)}
            """, parameters, r => new OutstandingReport(r.GetString(0), r.GetString(1), ReportingDb.Text(r, 2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : (int)ReportingDb.Integer(r, 5), ReportingDb.Date(r, 6), r.GetString(7), ReportingDb.NullableDate(r, 8),
                ReportingDb.Integer(r, 9)), ct);
    }

    private static DynamicParameters Parameters(UnitInfo unit) => new(new { unit = unit.Code, country = unit.Level == "country" ? 1 : 0 });
}
