using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Reporting;

/// <summary>One report a unit owes: a period, a form (null: a figure of any form) and the day it is due.</summary>
public sealed record ReportingExpectation(string ScheduleName, int Row, UnitRecord Unit, Period Period, int? Form, DateOnly Due);

/// <summary>
/// Expands schedule lines into the reports each unit owes. The reporting units are the parent's descendants (or the
/// parent itself) at the line's level among the units valid on the period's last day, so a plan for 2009–2018 names the
/// communes of that time and a plan for 2026 those after the 2025 reform.
/// </summary>
public sealed class ReportingExpectations(UnitDirectory units)
{
    public (List<ReportingExpectation> Expected, List<ValidationIssue> Errors) Expand(IReadOnlyList<ScheduleLine> lines)
    {
        var expected = new List<ReportingExpectation>();
        var errors = new List<ValidationIssue>();
        foreach (var line in lines)
        {
            var asOf = line.Period.End;
            UnitRecord? parent = null;
            if (line.ParentCode is { } code)
            {
                parent = units.FindByCode(code, asOf);
                if (parent is null)
                {
                    var known = units.Units.Any(u => u.UnitCode == code.Trim());
                    errors.Add(new ValidationIssue(ValidationIssue.Error, "schedule.parent",
                        known ? $"Đơn vị {code} không còn tồn tại vào {asOf:dd/MM/yyyy}, ngày cuối kỳ {line.Period.Label}."
                              : $"Không có đơn vị mã '{code}'.", $"dòng {line.Row}, cột parent_code", CellText: code));
                    continue;
                }
            }
            var reporting = units.Units
                .Where(u => u.Level == line.Level && u.IsValidOn(asOf)
                            && (parent is null || u.UnitKey == parent.UnitKey || units.Ancestors(u).Any(a => a.UnitKey == parent.UnitKey)))
                .OrderBy(u => u.UnitCode, StringComparer.Ordinal)
                .ToList();
            if (reporting.Count == 0)
            {
                errors.Add(new ValidationIssue(ValidationIssue.Error, "schedule.no_units",
                    $"Không có đơn vị cấp {line.Level} nào thuộc {parent?.Name ?? "cả nước"} vào {asOf:dd/MM/yyyy}.", $"dòng {line.Row}, cột level"));
                continue;
            }
            var periods = PeriodsOf(line).ToList();
            int?[] forms = line.Forms.Count == 0 ? [null] : line.Forms.Select(f => (int?)f).ToArray();
            foreach (var unit in reporting)
            foreach (var period in periods)
            foreach (var form in forms)
                expected.Add(new ReportingExpectation(line.Name, line.Row, unit, period, form, line.Due.For(period)));
        }
        return (expected, errors);
    }

    /// <summary>The line's period, or each year, quarter or month inside it.</summary>
    public static IEnumerable<Period> PeriodsOf(ScheduleLine line)
    {
        if (line.Every is not { } every)
        {
            yield return line.Period;
            yield break;
        }
        for (var start = new DateOnly(line.Period.Start.Year, 1, 1); start <= line.Period.End; )
        {
            var period = every switch
            {
                PeriodKind.Year => Period.Year(start.Year),
                PeriodKind.Quarter => Period.Quarter(start.Year, (start.Month - 1) / 3 + 1),
                _ => Period.Month(start.Year, start.Month),
            };
            if (period.Start >= line.Period.Start && period.End <= line.Period.End) yield return period;
            start = every switch
            {
                PeriodKind.Year => start.AddYears(1),
                PeriodKind.Quarter => start.AddMonths(3),
                _ => start.AddMonths(1),
            };
        }
    }
}
