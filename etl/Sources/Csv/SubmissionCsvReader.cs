using System.Globalization;
using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Parsing.Encodings;
using Bhyt.Etl.Validation;
using Bhyt.Warehouse.Periods;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bhyt.Etl.Sources.Csv;

/// <summary>
/// Reads the long submission CSV of interfaces.md: <c>unit_code,unit_name,period,indicator,value,value_kind</c>,
/// UTF-8 with or without BOM, UTF-16 with BOM, or a legacy Vietnamese encoding converted first (<see cref="VietnameseTextFile"/>),
/// comma or semicolon. Rows stream; every problem is reported with its row and column. A column named twice, a row
/// with more or fewer fields than the header (an unquoted "215,000", a row of semicolons under a comma header) and a
/// field longer than <see cref="MaxFieldChars"/> (read no further, so memory stays bounded) reject the file; rows of
/// blanks only are blank lines.
/// </summary>
public sealed class SubmissionCsvReader(FigureResolver resolver)
{
    /// <summary>No unit name, period or value comes near it: a longer field is a broken quote or not a submission at all.</summary>
    public const int MaxFieldChars = 1 << 16;

    private static readonly string[] Required = ["unit_code", "unit_name", "period", "indicator", "value"];
    private static readonly string[] Known = [.. Required, "value_kind"];

    public static bool LooksLikeSubmissionCsv(string path)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return false;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = (reader.ReadLine() ?? "").ToLowerInvariant();
        return header.Contains("indicator") && header.Contains("period") && header.Contains("value");
    }

    public Extraction Read(string path, IProgress<int>? progress = null)
    {
        var extraction = new Extraction();
        using var decoded = VietnameseTextFile.Open(path);
        if (!EncodingIssue.Check(decoded.Decision, extraction)) return extraction;
        using var stream = new StreamReader(decoded.Path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, DetectDelimiterValues = [",", ";"], TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(), BadDataFound = null, MissingFieldFound = null,
            MaxFieldSize = MaxFieldChars,
        };
        using var csv = new CsvReader(stream, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            extraction.Reject("1", ValidationIssue.ErrorAt("csv.empty", "Tệp CSV trống, không có dòng tiêu đề.", "dòng 1"));
            return extraction;
        }
        var missing = Required.Where(column => !csv.HeaderRecord!.Contains(column)).ToList();
        if (missing.Count > 0)
        {
            extraction.Reject("1", ValidationIssue.ErrorAt("csv.header",
                $"Thiếu cột {string.Join(", ", missing)}; tiêu đề cần: unit_code,unit_name,period,indicator,value,value_kind.", "dòng 1"));
            return extraction;
        }
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header.Where(Known.Contains).GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            extraction.Reject("1", ValidationIssue.ErrorAt("csv.header_duplicate",
                $"Cột {twice.Key} có {twice.Count()} lần trong dòng tiêu đề; không biết đọc cột nào.", $"dòng 1, cột {twice.Key}"));
            return extraction;
        }
        var hasKind = header.Contains("value_kind");
        try
        {
            while (csv.Read())
            {
                var row = csv.Parser.Row;
                if (FieldsMatch(csv, header, row, extraction)) ReadRow(csv, row, hasKind, extraction);
                if (row % 10_000 == 0) progress?.Report(row);
            }
        }
        catch (MaxFieldSizeException)
        {
            extraction.Reject(csv.Parser.Row.ToString(CultureInfo.InvariantCulture), ValidationIssue.ErrorAt("csv.field_too_long",
                $"Có trường dài hơn {MaxFieldChars:N0} ký tự (thường do dấu ngoặc kép mở mà không đóng); tệp không được đọc tiếp.", $"dòng {csv.Parser.Row}"));
        }
        return extraction;
    }

    /// <summary>
    /// Whether the row has the header's fields (extra empty ones at its end, as some exporters write, are fine); a row of
    /// blanks only is a blank line and is neither read nor reported.
    /// </summary>
    private static bool FieldsMatch(CsvReader csv, string[] header, int row, Extraction extraction)
    {
        var fields = csv.Parser.Record ?? [];
        if (fields.All(string.IsNullOrWhiteSpace)) return false;
        var used = fields.Length;
        while (used > header.Length && string.IsNullOrWhiteSpace(fields[used - 1])) used--;
        if (used == header.Length) return true;
        var column = used < header.Length ? header[used] : $"thứ {header.Length + 1}";
        extraction.Reject(row.ToString(CultureInfo.InvariantCulture), ValidationIssue.ErrorAt("csv.fields",
            $"Dòng có {used} trường, tiêu đề có {header.Length}: thiếu hoặc thừa dấu phân cách (số có dấu phẩy hay tên có dấu phẩy chưa đặt trong ngoặc kép?).",
            $"dòng {row}, cột {column}", Clip(csv.Parser.RawRecord.Trim())));
        return false;
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private void ReadRow(CsvReader csv, int row, bool hasKind, Extraction extraction)
    {
        string At(string column) => $"dòng {row}, cột {column}";
        var rowKey = row.ToString(CultureInfo.InvariantCulture);
        var errors = new List<ValidationIssue>();

        var periodText = csv.GetField("period");
        if (!Period.TryParse(periodText, out var period))
            errors.Add(ValidationIssue.ErrorAt("period.unparseable",
                $"Không đọc được kỳ báo cáo '{periodText}' (dạng hợp lệ: 2021, 2021-07, 2021-Q3, 2009-2014, 31/12/2018, 2021-07-24).", At("period"), periodText));

        var indicatorText = csv.GetField("indicator") ?? "";
        var indicator = resolver.FindIndicator(indicatorText);
        if (indicator is null)
            errors.Add(ValidationIssue.ErrorAt("indicator.unknown", $"Chỉ tiêu '{indicatorText}' không có trong danh mục.", At("indicator"), indicatorText));

        var kind = hasKind ? (csv.GetField("value_kind") ?? "").Trim().ToLowerInvariant() : "";
        if (kind.Length == 0) kind = Figure.Actual;
        if (kind is not (Figure.Actual or Figure.Target))
            errors.Add(ValidationIssue.ErrorAt("value_kind.invalid", $"value_kind '{kind}' không hợp lệ (actual hoặc target).", At("value_kind"), kind));

        var unitLocation = string.IsNullOrWhiteSpace(csv.GetField("unit_code")) ? At("unit_name") : At("unit_code");
        var (unit, unitError) = resolver.FindUnit(csv.GetField("unit_code"), csv.GetField("unit_name"),
            FigureResolver.AsOf(errors.Any(e => e.Rule == "period.unparseable") ? Period.Year(2024) : period), unitLocation);
        if (unitError is not null) errors.Add(unitError);

        var valueText = csv.GetField("value");
        decimal? value = null;
        if (indicator is not null)
        {
            (value, var valueError) = resolver.ReadValue(valueText, indicator, At("value"));
            if (valueError is not null) errors.Add(valueError);
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
                extraction.Reject(rowKey, error with { UnitCode = unit?.UnitCode, PeriodLabel = errors.Any(e => e.Rule == "period.unparseable") ? null : period.Label, IndicatorCode = indicator?.Code });
            return;
        }
        if (value is { } v)
            extraction.Figures.Add(new Figure(unit!, period, indicator!, kind, v, new SourceCell($"dòng {row}, cột value", valueText ?? "")));
    }
}
