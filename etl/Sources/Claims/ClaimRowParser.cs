using System.Globalization;
using System.Text;
using Bhyt.Etl.Loading;

namespace Bhyt.Etl.Sources.Claims;

/// <summary>
/// Validates and types the rows of one chunk of a claims CSV into batches: the card is pseudonymised as the row is
/// read, names and other personal columns are never read, and each problem is noted with its row and column. One
/// parser per thread (it caches the visit-type codes it has seen).
/// </summary>
internal sealed class ClaimRowParser(CardPseudonymizer pseudonymizer, ClaimColumns c, ClaimFieldIndex at)
{
    private const int MaxVisitCodesCached = 256;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] DateFormats = ["yyyyMMddHHmm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    // MA_LOAI_KCB has a handful of values: each distinct code is mapped (and its string made) once.
    private readonly Dictionary<int, (string Code, string? Type)> _visitCodes = [];
    private ClaimChunk _chunk = null!;

    /// <summary>Reads every remaining record of <paramref name="csv"/> into <paramref name="chunk"/>, in batches from <paramref name="rent"/>.</summary>
    public void Parse(Utf8CsvReader csv, Func<ClaimBatch> rent, ClaimChunk chunk)
    {
        _chunk = chunk;
        var batch = rent();
        while (csv.Read())
        {
            chunk.RowsRead++;
            if (!ReadRow(csv, batch, ref batch.Rows[batch.Count])) continue;
            if (++batch.Count < ClaimBatch.Capacity) continue;
            chunk.Batches.Add(batch);
            batch = rent();
        }
        if (batch.Count > 0) chunk.Batches.Add(batch);
        chunk.Rows = csv.Row;
    }

    private bool ReadRow(Utf8CsvReader csv, ClaimBatch batch, ref ClaimRecord record)
    {
        var before = _chunk.ErrorCount;
        var row = csv.Row;
        if (!FieldsMatchHeader(csv, row)) return false;
        ReadOnlySpan<byte> Field(int index) => index < 0 ? default : Utf8Fields.Trim(csv[index]);
        var claimId = Field(at.ClaimId);
        if (claimId.IsEmpty) Error(row, c.ClaimId!, "claim.missing_id", "Thiếu mã liên kết hồ sơ (MA_LK).");
        var card = Field(at.Card);
        if (card.IsEmpty) Error(row, c.Card!, "claim.missing_card", "Thiếu mã thẻ BHYT.");
        var facility = Field(at.Facility);
        if (facility.IsEmpty) Error(row, c.Facility!, "claim.missing_facility", "Thiếu mã cơ sở KCB (MA_CSKCB).");
        var (typeCode, visitType) = VisitType(Field(at.VisitType), c.IsQd130);
        if (visitType is null) Error(row, c.VisitType!, "claim.visit_type", $"Mã loại KCB '{typeCode}' không có trong danh mục ({(c.IsQd130 ? "QĐ 130" : "QĐ 4210")}).");
        var admitted = Date(row, c.Admitted!, Field(at.Admitted), required: true);
        var discharged = Date(row, c.Discharged!, Field(at.Discharged), required: false);
        if (admitted is { } a && discharged is { } d && d < a)
            Error(row, c.Discharged!, "claim.discharge_before_admission", $"Ngày ra {d:dd/MM/yyyy HH:mm} trước ngày vào {a:dd/MM/yyyy HH:mm}.");
        var total = Money(row, c.Total!, Field(at.Total), required: true);
        var insurer = Money(row, c.InsurerPaid, Field(at.InsurerPaid), required: false);
        if (insurer > total) Error(row, c.InsurerPaid!, "claim.insurer_above_total", $"Số BHYT thanh toán {insurer?.ToString("N0", Vi)} lớn hơn tổng chi {total?.ToString("N0", Vi)}.");
        var patient = Money(row, c.PatientPaid, Field(at.PatientPaid), required: false);
        var drugs = Money(row, c.Drugs, Field(at.Drugs), required: false);
        var supplies = Money(row, c.Supplies, Field(at.Supplies), required: false);
        var days = Days(row, Field(at.Days));
        if (_chunk.ErrorCount > before) return false;

        record.SourceRow = row;
        record.ClaimId = batch.Add(claimId);
        pseudonymizer.WritePseudonym(card, batch.Reserve(CardPseudonymizer.Length, out record.CardPseudonym));
        record.FacilityCode = batch.Add(facility);
        record.ResidenceProvince = Optional(batch, CardProvince.Residence(Field(at.Province), card));
        record.VisitType = visitType!;
        record.VisitTypeCode = typeCode;
        record.AdmittedAt = admitted!.Value;
        record.DischargedAt = discharged;
        record.LengthOfStay = days;
        record.PrimaryIcd = Optional(batch, Field(at.Diagnosis));
        (record.TotalCost, record.InsurerPaid, record.PatientPaid, record.DrugCost, record.SuppliesCost) = (total!.Value, insurer, patient, drugs, supplies);
        Demographics(row, csv, ref record);
        return true;
    }

    // The birth date is decoded onto the stack, turned into the age band and dropped; only the band and sex are kept.
    private void Demographics(int row, Utf8CsvReader csv, ref ClaimRecord record)
    {
        Span<char> chars = stackalloc char[16];
        var sex = at.Sex < 0 ? default : Utf8Fields.Trim(csv[at.Sex]);
        record.Sex = sex.Length is > 0 and <= 16 ? ClaimDemographics.Sex(chars[..Encoding.UTF8.GetChars(sex, chars)]) : null;
        var birth = at.BirthDate < 0 ? default : Utf8Fields.Trim(csv[at.BirthDate]);
        if (birth.IsEmpty) { record.AgeBand = null; return; }
        var unusable = true;
        record.AgeBand = birth.Length <= 16 ? ClaimDemographics.AgeBandAt(chars[..Encoding.UTF8.GetChars(birth, chars)], record.AdmittedAt, out unusable) : null;
        if (unusable) _chunk.Warning(row, "NGAY_SINH", "claim.birth_date", ClaimDemographics.UnusableBirthDate);
    }

    /// <summary>
    /// Whether the record has the header's fields (extra empty ones at its end, as some exporters write, are fine): an
    /// unquoted comma in a name, or a row of semicolons under a comma header, would otherwise shift every value after it.
    /// </summary>
    private bool FieldsMatchHeader(Utf8CsvReader csv, int row)
    {
        var used = csv.FieldCount;
        while (used > at.Names.Count && Utf8Fields.Trim(csv[used - 1]).IsEmpty) used--;
        if (used == at.Names.Count) return true;
        Error(row, used < at.Names.Count ? at.Names[used] : $"thứ {at.Names.Count + 1}", "csv.fields",
            $"Dòng có {used} trường, tiêu đề có {at.Names.Count}: thiếu hoặc thừa dấu phân cách (tên có dấu phẩy chưa đặt trong ngoặc kép, dòng bị cắt?).");
        return false;
    }

    private int? Days(int row, ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return null;
        if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var days)) return days;
        Error(row, c.Days!, "claim.days", $"Số ngày điều trị '{Encoding.UTF8.GetString(field)}' không phải số nguyên không âm.");
        return null;
    }

    private static TextRange Optional(ClaimBatch batch, ReadOnlySpan<byte> text) => text.IsEmpty ? TextRange.Null : batch.Add(text);

    private (string Code, string? Type) VisitType(ReadOnlySpan<byte> code, bool isQd130)
    {
        var key = code.Length is > 0 and <= 3 ? code.Length | code[0] << 8 | (code.Length > 1 ? code[1] << 16 : 0) | (code.Length > 2 ? code[2] << 24 : 0) : 0;
        if (key != 0 && _visitCodes.TryGetValue(key, out var known)) return known;
        var text = Encoding.UTF8.GetString(code);
        var mapped = (text, VisitTypes.Map(text, isQd130));
        if (key != 0 && _visitCodes.Count < MaxVisitCodesCached) _visitCodes[key] = mapped;
        return mapped;
    }

    private DateTime? Date(int row, string column, ReadOnlySpan<byte> field, bool required)
    {
        if (field.IsEmpty)
        {
            if (required) Error(row, column, "claim.date", "Thiếu ngày.");
            return null;
        }
        if (Utf8Fields.TryCompactDate(field, out var compact)) return compact;
        var text = Encoding.UTF8.GetString(field);
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        Error(row, column, "claim.date", $"Không đọc được ngày '{text}' (yyyyMMddHHmm hoặc ISO).");
        return null;
    }

    // Money fields are plain decimals in VND: "716260", "2031009.99", "2491500,00" (comma decimal in 4210 files).
    private decimal? Money(int row, string? column, ReadOnlySpan<byte> field, bool required)
    {
        if (column is null || field.IsEmpty)
        {
            if (required) Error(row, column ?? "T_TONGCHI", "claim.money", "Thiếu số tiền.");
            return null;
        }
        if (!Utf8Fields.TryPlainMoney(field, out var value))
        {
            var text = Encoding.UTF8.GetString(field);
            var normalised = text.Contains('.') ? text : text.Replace(',', '.');
            if (!decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            {
                Error(row, column, "claim.money", $"Số tiền '{text}' không phải là số.");
                return null;
            }
        }
        if (value < 0) Error(row, column, "claim.money_negative", $"Số tiền âm ({Encoding.UTF8.GetString(field)}).");
        return value;
    }

    private void Error(int row, string column, string rule, string message) => _chunk.Error(row, column, rule, message);
}
