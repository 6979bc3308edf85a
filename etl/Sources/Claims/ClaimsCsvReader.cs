using System.Globalization;
using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// Streams a CSV export of the XML1 summary table (QĐ 4210 or QĐ 130 column names) row by row in constant memory.
/// The card number is pseudonymised as the row is read; names and other personal columns are never read. Row
/// problems are reported to <see cref="Errors"/> with row and column; the caller rejects the file if there are any.
/// </summary>
public sealed class ClaimsCsvReader(CardPseudonymizer pseudonymizer)
{
    private const int MaxErrorsKept = 1000;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public List<ValidationIssue> Errors { get; } = [];
    public int ErrorCount { get; private set; }
    public int RowsRead { get; private set; }

    /// <summary>After reading: which spending categories the file carries and which need detail tables.</summary>
    public string? SpendingNote { get; private set; }

    public static bool LooksLikeClaims(string header) =>
        header.Contains("MA_LK", StringComparison.OrdinalIgnoreCase) && header.Contains("MA_CSKCB", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ClaimRow> Read(string path)
    {
        using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // No TrimOptions: trimming every field cost as much as parsing it; Field() trims what it reads.
            DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"],
            PrepareHeaderForMatch = args => args.Header.Trim().ToUpperInvariant(), BadDataFound = null, MissingFieldFound = null,
        };
        using var csv = new CsvReader(stream, config);
        if (!csv.Read() || !csv.ReadHeader()) yield break;
        var columns = ClaimColumns.From(csv.HeaderRecord!);
        SpendingNote = columns.SpendingNote;
        var index = csv.HeaderRecord!.Select((h, i) => (h.Trim().ToUpperInvariant(), i)).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().i);
        if (columns.Missing.Count > 0)
        {
            Error(1, "header", "csv.header", $"Thiếu cột {string.Join(", ", columns.Missing)} của bảng XML1.");
            yield break;
        }
        while (csv.Read())
        {
            RowsRead++;
            if (ReadRow(csv, columns, index, csv.Parser.Row) is { } row) yield return row;
        }
    }

    private ClaimRow? ReadRow(CsvReader csv, ClaimColumns c, Dictionary<string, int> index, int row)
    {
        var before = ErrorCount;
        // Columns by position (resolved once from the header): a name lookup per field was a third of the read time.
        string Field(string? name) => name is null ? "" : csv.GetField(index[name])?.Trim() ?? "";
        var claimId = Field(c.ClaimId);
        if (claimId.Length == 0) Error(row, c.ClaimId!, "claim.missing_id", "Thiếu mã liên kết hồ sơ (MA_LK).");
        var card = Field(c.Card);
        if (card.Length == 0) Error(row, c.Card!, "claim.missing_card", "Thiếu mã thẻ BHYT.");
        var facility = Field(c.Facility);
        if (facility.Length == 0) Error(row, c.Facility!, "claim.missing_facility", "Thiếu mã cơ sở KCB (MA_CSKCB).");
        var typeCode = Field(c.VisitType);
        var visitType = VisitTypes.Map(typeCode, c.IsQd130);
        if (visitType is null) Error(row, c.VisitType!, "claim.visit_type", $"Mã loại KCB '{typeCode}' không có trong danh mục ({(c.IsQd130 ? "QĐ 130" : "QĐ 4210")}).");
        var admitted = Date(row, c.Admitted!, Field(c.Admitted), required: true);
        var discharged = Date(row, c.Discharged!, Field(c.Discharged), required: false);
        if (admitted is { } a && discharged is { } d && d < a)
            Error(row, c.Discharged!, "claim.discharge_before_admission", $"Ngày ra {d:dd/MM/yyyy HH:mm} trước ngày vào {a:dd/MM/yyyy HH:mm}.");
        var total = Money(row, c.Total!, Field(c.Total), required: true);
        var insurer = Money(row, c.InsurerPaid, Field(c.InsurerPaid), required: false);
        if (insurer > total) Error(row, c.InsurerPaid!, "claim.insurer_above_total", $"Số BHYT thanh toán {insurer?.ToString("N0", Vi)} lớn hơn tổng chi {total?.ToString("N0", Vi)}.");
        var patient = Money(row, c.PatientPaid, Field(c.PatientPaid), required: false);
        var drugs = Money(row, c.Drugs, Field(c.Drugs), required: false);
        var supplies = Money(row, c.Supplies, Field(c.Supplies), required: false);
        var days = int.TryParse(Field(c.Days), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        if (ErrorCount > before) return null;
        return new ClaimRow(row, claimId, pseudonymizer.Pseudonym(card), facility, NullIfEmpty(Field(c.Province)), visitType!, typeCode,
            admitted!.Value, discharged, days, NullIfEmpty(Field(c.Diagnosis)), total!.Value, insurer, patient, drugs, supplies);
    }

    private DateTime? Date(int row, string column, string text, bool required)
    {
        if (text.Length == 0)
        {
            if (required) Error(row, column, "claim.date", "Thiếu ngày.");
            return null;
        }
        if (text.Length == 12 && TryCompactDate(text, out var compact)) return compact;
        string[] formats = ["yyyyMMddHHmm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        Error(row, column, "claim.date", $"Không đọc được ngày '{text}' (yyyyMMddHHmm hoặc ISO).");
        return null;
    }

    /// <summary>The standard's yyyyMMddHHmm without the general parser (it is on every row, twice).</summary>
    private static bool TryCompactDate(string t, out DateTime value)
    {
        value = default;
        foreach (var ch in t) if (ch is < '0' or > '9') return false;
        int N(int start, int length) { var n = 0; for (var i = start; i < start + length; i++) n = n * 10 + (t[i] - '0'); return n; }
        var (year, month, day, hour, minute) = (N(0, 4), N(4, 2), N(6, 2), N(8, 2), N(10, 2));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59) return false;
        value = new DateTime(year, month, day, hour, minute, 0);
        return true;
    }

    // Money fields are plain decimals in VND: "716260", "2031009.99", "2491500,00" (comma decimal in 4210 files).
    private decimal? Money(int row, string? column, string text, bool required)
    {
        if (column is null || text.Length == 0)
        {
            if (required) Error(row, column ?? "T_TONGCHI", "claim.money", "Thiếu số tiền.");
            return null;
        }
        var normalised = text.Contains('.') ? text : text.Replace(',', '.');
        if (!decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error(row, column, "claim.money", $"Số tiền '{text}' không phải là số.");
            return null;
        }
        if (value < 0) Error(row, column, "claim.money_negative", $"Số tiền âm ({text}).");
        return value;
    }

    private void Error(int row, string column, string rule, string message)
    {
        ErrorCount++;
        if (Errors.Count < MaxErrorsKept)
            Errors.Add(new ValidationIssue(ValidationIssue.Error, rule, message, $"dòng {row}, cột {column}"));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
