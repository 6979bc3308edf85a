using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Alerts;

/// <summary>
/// The <c>submission_late</c> condition. For the rule's period kind (month by default, or quarter, year), the current
/// period is the latest one any unit has submitted actual figures for; a unit is late when it submitted the period before
/// it but nothing for it, the unit still exists at the period's end, and <c>threshold</c> days (15 by default) have passed
/// since that end. The warehouse's own latest period is the clock, so an old data set does not make everyone late.
/// For the units a loaded reporting schedule names (<c>etl.reporting_expectation</c>, see <see cref="Reporting.ReportingScheduleCsv"/>)
/// the schedule decides instead, for every period kind: such a unit is late for a period once the due day of a report it
/// owes has passed with nothing received; the rule's threshold and period kind do not apply to it, the deadline does.
/// </summary>
public sealed class LateSubmissions(IWarehouseEngine engine)
{
    public const double DefaultDays = 15;

    public async Task<List<AlertCandidate>> FindAsync(DbConnection connection, DbTransaction transaction, AlertRuleSet rules, UnitTree units,
        DateTime now, CancellationToken ct)
    {
        var candidates = new List<AlertCandidate>();
        var families = rules.Rules.Where(r => r.Condition == AlertConditions.SubmissionLate).GroupBy(r => r.Code);
        var scheduled = await ScheduledUnitsAsync(connection, transaction, ct);
        if (scheduled.Count > 0)
        {
            var overdue = await OverdueAsync(connection, transaction, DateOnly.FromDateTime(now), ct);
            foreach (var family in families)
            foreach (var owed in overdue)
            {
                var rule = rules.For(family.Key, owed.UnitCode);
                if (rule is null || !rule.Enabled) continue;
                candidates.Add(new AlertCandidate(rule, owed.UnitCode, owed.PeriodLabel, "medium",
                    AlertTexts.OverdueReport(units.Name(owed.UnitCode), owed.PeriodLabel, owed.Forms, owed.Due, owed.DaysLate), null));
            }
        }
        foreach (var family in families)
            foreach (var kind in family.Select(r => r.PeriodKind ?? "month").Distinct())
            {
                var current = await CurrentPeriodAsync(connection, transaction, kind, ct);
                if (current is null) continue;
                foreach (var unit in await LateUnitsAsync(connection, transaction, kind, current.Value, ct))
                {
                    if (scheduled.Contains(unit)) continue;
                    var rule = rules.For(family.Key, unit);
                    if (rule is null || !rule.Enabled || (rule.PeriodKind ?? "month") != kind) continue;
                    var days = (now.Date - current.Value.End.ToDateTime(TimeOnly.MinValue)).Days;
                    if (days < (rule.Threshold ?? DefaultDays)) continue;
                    candidates.Add(new AlertCandidate(rule, unit, current.Value.Label, "medium",
                        AlertTexts.LateSubmission(units.Name(unit), current.Value.Label, current.Value.PreviousLabel, days), null));
                }
            }
        return candidates;
    }

    /// <summary>The units a loaded reporting schedule names: their deadlines, not the inference, say when they are late.</summary>
    private async Task<HashSet<string>> ScheduledUnitsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(engine.Sql("""
            SELECT DISTINCT u.unit_code FROM etl.reporting_expectation e JOIN dw.dim_unit u ON u.unit_key = e.unit_key
            """), transaction: transaction, cancellationToken: ct))).ToHashSet();

    /// <summary>Per unit and period, the forms owed and not received whose due day is before <paramref name="today"/>.</summary>
    private async Task<List<OverdueReport>> OverdueAsync(DbConnection connection, DbTransaction transaction, DateOnly today, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string UnitCode, string PeriodLabel, int? Form, DateTime Due)>(new CommandDefinition(engine.Sql("""
            SELECT unit_code, period_label, form, due_date FROM rpt.reporting_status
            WHERE received_at IS NULL AND due_date < @today
            ORDER BY unit_code, period_label, form
            """), new { today = today.ToDateTime(TimeOnly.MinValue) }, transaction, cancellationToken: ct));
        return rows.GroupBy(r => (r.UnitCode, r.PeriodLabel)).Select(g =>
        {
            var due = DateOnly.FromDateTime(g.Min(r => r.Due));
            return new OverdueReport(g.Key.UnitCode, g.Key.PeriodLabel, g.Where(r => r.Form is not null).Select(r => r.Form!.Value).Distinct().ToList(),
                due, today.DayNumber - due.DayNumber);
        }).ToList();
    }

    private sealed record OverdueReport(string UnitCode, string PeriodLabel, IReadOnlyList<int> Forms, DateOnly Due, int DaysLate);

    private readonly record struct Period(string Label, DateOnly Start, DateOnly End, DateOnly PreviousStart, string PreviousLabel);

    private async Task<Period?> CurrentPeriodAsync(DbConnection connection, DbTransaction transaction, string kind, CancellationToken ct)
    {
        var latest = (await connection.QueryAsync<(string Label, DateTime Start, DateTime End)>(new CommandDefinition(engine.Sql("""
            SELECT period_label, period_start, period_end FROM rpt.indicator_values
            WHERE period_kind = @kind AND source = 'submission' AND value_kind = 'actual'
            ORDER BY period_start DESC, period_label
            """ + " " + engine.RowLimit(1)), new { kind }, transaction, cancellationToken: ct))).FirstOrDefault();
        if (latest.Label is null) return null;
        var start = DateOnly.FromDateTime(latest.Start);
        var previous = kind switch
        {
            "year" => start.AddYears(-1),
            "quarter" => start.AddMonths(-3),
            _ => start.AddMonths(-1),
        };
        var previousLabel = (await connection.QueryAsync<string>(new CommandDefinition(engine.Sql("""
            SELECT DISTINCT period_label FROM rpt.indicator_values WHERE period_kind = @kind AND period_start = @previous
            """), new { kind, previous = previous.ToDateTime(TimeOnly.MinValue) }, transaction, cancellationToken: ct))).FirstOrDefault();
        return previousLabel is null ? null : new Period(latest.Label, start, DateOnly.FromDateTime(latest.End), previous, previousLabel);
    }

    private async Task<List<string>> LateUnitsAsync(DbConnection connection, DbTransaction transaction, string kind, Period current, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(engine.Sql("""
            SELECT DISTINCT p.unit_code FROM rpt.indicator_values p
            WHERE p.period_kind = @kind AND p.period_start = @previous AND p.source = 'submission' AND p.value_kind = 'actual'
              AND NOT EXISTS (SELECT 1 FROM rpt.indicator_values c
                              WHERE c.unit_code = p.unit_code AND c.period_kind = @kind AND c.period_start = @current AND c.source = 'submission')
              AND EXISTS (SELECT 1 FROM rpt.units u WHERE u.unit_code = p.unit_code AND (u.valid_to IS NULL OR u.valid_to >= @currentEnd))
            ORDER BY p.unit_code
            """), new
        {
            kind, previous = current.PreviousStart.ToDateTime(TimeOnly.MinValue), current = current.Start.ToDateTime(TimeOnly.MinValue),
            currentEnd = current.End.ToDateTime(TimeOnly.MinValue),
        }, transaction, cancellationToken: ct))).ToList();
}
