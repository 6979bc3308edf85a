using System.Globalization;
using System.Text;
using Bhyt.Etl.Parsing.Encodings;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Periods;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bhyt.Etl.Reporting;

/// <summary>
/// Reads a reporting schedule: the CSV <c>parent_code,level,period,every,forms,due,name</c> in which a province (or the
/// country) says which units must report which annex forms for which periods, and by when. One line, for example
/// <c>68,commune,2009-2018,,4;5;6;7;8;9,20/04/2019,Tổng kết 10 năm CT38</c>, expects every commune under unit 68 to
/// send forms 4–9 for 2009–2018 by 20/4/2019; <c>68,district,2024,month,4,+20,Báo cáo tháng</c> expects form 4 from
/// every district for each month of 2024 within 20 days of the month's end.
/// </summary>
/// <remarks>
/// Columns: <c>parent_code</c> the unit whose descendants report (blank: the whole country); <c>level</c> commune,
/// district or province (or xã, huyện, tỉnh; a parent at that level expects itself); <c>period</c> any period of the
/// submission CSV; <c>every</c> blank, or year, quarter, month to expect one report per such period inside
/// <c>period</c>; <c>forms</c> annex numbers 4–9 as <c>4</c>, <c>4;5</c> or <c>4-9</c> (blank or <c>*</c>: a figure of
/// any form); <c>due</c> a date (<c>20/04/2019</c>, <c>2019-04-20</c>) or <c>+N</c> days after each period's end;
/// <c>name</c> the plan the line belongs to (blank: <see cref="DefaultName"/>). Any error rejects the whole file.
/// </remarks>
public static class ReportingScheduleCsv
{
    public const string DefaultName = "Lịch báo cáo";

    public static readonly IReadOnlyList<int> Forms = [4, 5, 6, 7, 8, 9];

    private static readonly string[] Required = ["parent_code", "level", "period", "due"];

    /// <summary>Whether a CSV header is a reporting schedule's (it names parent_code, level, period and due).</summary>
    public static bool LooksLikeSchedule(string header)
    {
        var columns = header.Split(',', ';').Select(c => c.Trim().Trim('"', '\uFEFF').ToLowerInvariant()).ToHashSet();
        return Required.All(columns.Contains);
    }

    /// <summary>The schedule's lines, or the errors (file row and column named) that reject it.</summary>
    public static (List<ScheduleLine> Lines, List<ValidationIssue> Errors) Read(string path)
    {
        var lines = new List<ScheduleLine>();
        var errors = new List<ValidationIssue>();
        using var decoded = VietnameseTextFile.Open(path);
        if (decoded.Decision.Rejection is { } reason) return (lines, [ValidationIssue.ErrorAt(EncodingIssue.Undecided, reason, "toàn tệp")]);
        using var reader = new StreamReader(decoded.Path, Encoding.UTF8, true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, TrimOptions = TrimOptions.Trim, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null, BadDataFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader())
            return (lines, [ValidationIssue.ErrorAt("schedule.empty", "Tệp lịch báo cáo trống.", "toàn tệp")]);
        var missing = Required.Where(c => !csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).Contains(c)).ToList();
        if (missing.Count > 0)
            return (lines, [ValidationIssue.ErrorAt("schedule.header", $"Thiếu cột {string.Join(", ", missing)} trong dòng tiêu đề.", "dòng 1")]);
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            var rowErrors = new List<ValidationIssue>();
            ValidationIssue Error(string column, string rule, string message, string? text) =>
                new(ValidationIssue.Error, rule, message, $"dòng {row}, cột {column}", CellText: text);
            string Field(string column) => (csv.GetField(column) ?? "").Trim();

            var parent = Field("parent_code");
            var levelText = Field("level");
            var level = LevelOf(levelText);
            if (level is null) rowErrors.Add(Error("level", "schedule.level", $"Cấp '{levelText}' không hợp lệ (commune/xã, district/huyện, province/tỉnh).", levelText));
            var periodText = Field("period");
            if (!Period.TryParse(periodText, out var period))
                rowErrors.Add(Error("period", "schedule.period", $"Kỳ '{periodText}' không đọc được (2021, 2021-07, 2021-Q3, 2009-2014…).", periodText));
            var everyText = Field("every").ToLowerInvariant();
            var every = EveryOf(everyText);
            if (everyText.Length > 0 && every is null)
                rowErrors.Add(Error("every", "schedule.every", $"'{everyText}' không hợp lệ: để trống, hoặc year/năm, quarter/quý, month/tháng.", everyText));
            var formsText = Field("forms");
            var forms = FormsOf(formsText);
            if (forms is null) rowErrors.Add(Error("forms", "schedule.forms", $"Phụ lục '{formsText}' không hợp lệ (4–9, ví dụ 4;5 hoặc 4-9).", formsText));
            var dueText = Field("due");
            var due = DueOf(dueText);
            if (due is null) rowErrors.Add(Error("due", "schedule.due", $"Hạn '{dueText}' không hợp lệ (20/04/2019, 2019-04-20 hoặc +20 ngày sau kỳ).", dueText));
            var name = Field("name");
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }
            lines.Add(new ScheduleLine(row, parent.Length == 0 ? null : parent, level!, period, every, forms!, due!, name.Length == 0 ? DefaultName : name));
        }
        if (lines.Count == 0 && errors.Count == 0)
            errors.Add(ValidationIssue.ErrorAt("schedule.empty", "Tệp lịch báo cáo không có dòng nào.", "toàn tệp"));
        return (lines, errors);
    }

    private static string? LevelOf(string text) => VietnameseFolded(text) switch
    {
        "commune" or "xa" or "phuong" or "xa phuong" => "commune",
        "district" or "huyen" => "district",
        "province" or "tinh" => "province",
        _ => null,
    };

    private static PeriodKind? EveryOf(string text) => VietnameseFolded(text) switch
    {
        "" => null,
        "year" or "nam" => PeriodKind.Year,
        "quarter" or "quy" => PeriodKind.Quarter,
        "month" or "thang" => PeriodKind.Month,
        _ => null,
    };

    /// <summary>The annex numbers of a forms cell; an empty list means a figure of any form; null when unreadable.</summary>
    private static IReadOnlyList<int>? FormsOf(string text)
    {
        if (text.Length == 0 || text == "*") return [];
        var forms = new SortedSet<int>();
        foreach (var part in text.Split([';', ' ', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', '–');
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, CultureInfo.InvariantCulture, out _))) return null;
            var (from, to) = (int.Parse(bounds[0], CultureInfo.InvariantCulture), int.Parse(bounds[^1], CultureInfo.InvariantCulture));
            if (from > to || !Forms.Contains(from) || !Forms.Contains(to)) return null;
            for (var form = from; form <= to; form++) forms.Add(form);
        }
        return forms.ToList();
    }

    private static DueRule? DueOf(string text)
    {
        if (text.StartsWith('+') && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3660)
            return new DueRule(null, days);
        string[] formats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d-M-yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? new DueRule(date, null) : null;
    }

    private static string VietnameseFolded(string text) => Bhyt.Warehouse.Units.VietnameseText.FoldAll(text);
}

/// <summary>A deadline: a fixed date, or a number of days after the end of each expected period.</summary>
public sealed record DueRule(DateOnly? Date, int? DaysAfterEnd)
{
    public DateOnly For(Period period) => Date ?? period.End.AddDays(DaysAfterEnd!.Value);
}

/// <summary>One line of a reporting schedule (see <see cref="ReportingScheduleCsv"/>); <see cref="Forms"/> empty = any form.</summary>
public sealed record ScheduleLine(int Row, string? ParentCode, string Level, Period Period, PeriodKind? Every, IReadOnlyList<int> Forms, DueRule Due, string Name);
