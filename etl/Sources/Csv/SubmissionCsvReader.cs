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
/// comma or semicolon. Rows stream; every problem is reported with its row and column.
/// </summary>
public sealed class SubmissionCsvReader(FigureResolver resolver)
{
    private static readonly string[] Required = ["unit_code", "unit_name", "period", "indicator", "value"];

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
        var hasKind = csv.HeaderRecord!.Contains("value_kind");
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            ReadRow(csv, row, hasKind, extraction);
            if (row % 10_000 == 0) progress?.Report(row);
        }
        return extraction;
    }

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
