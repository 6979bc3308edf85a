using System.Globalization;
using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Validation;
using static Bhyt.Etl.Sources.Claims.Xml.Xml1Fields;

namespace Bhyt.Etl.Sources.Claims.Xml;

/// <summary>
/// Checks one XML1 claim by the rules of the CSV path (same rule ids and messages) plus the XML ones — dates strictly
/// yyyyMMddHHmm, drugs plus supplies within the total — and writes it, card pseudonymised, into the next batch slot.
/// A claim with any error is not written.
/// </summary>
internal sealed class Xml1ClaimWriter(CardPseudonymizer pseudonymizer, Action<ValidationIssue>? warn = null)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private byte[] _utf8 = new byte[256];

    /// <summary>
    /// True when the claim was written, numbered by <paramref name="nextRow"/> (only written claims take a number); its
    /// errors, if any, go to <paramref name="issues"/>.
    /// </summary>
    public bool Write(Xml1Fields f, ClaimXmlIssues issues, ClaimBatchOutput output, Func<int> nextRow)
    {
        var before = issues.Count;
        issues.ClaimId = f[Slot.ClaimId];
        foreach (var field in f.TooLong)
            issues.Error(field, "claim.field_too_long", $"Trường {field} dài hơn {XmlFieldText.MaxLength} ký tự; chỉ đọc {XmlFieldText.MaxLength} ký tự đầu.");
        var claimId = Required(f, Slot.ClaimId, issues, "claim.missing_id", "Thiếu mã liên kết hồ sơ (MA_LK).");
        var card = Required(f, Slot.Card, issues, "claim.missing_card", "Thiếu mã thẻ BHYT.");
        var facility = Required(f, Slot.Facility, issues, "claim.missing_facility", "Thiếu mã cơ sở KCB (MA_CSKCB).");
        var typeCode = f[Slot.VisitType] ?? "";
        var visitType = VisitTypes.Map(typeCode, f.IsQd130);
        if (visitType is null)
            issues.Error("MA_LOAI_KCB", "claim.visit_type", $"Mã loại KCB '{typeCode}' không có trong danh mục ({(f.IsQd130 ? "QĐ 130" : "QĐ 4210")}).", typeCode);
        var admitted = Date(f, Slot.Admitted, issues, required: true);
        var discharged = Date(f, Slot.Discharged, issues, required: false);
        if (admitted is { } a && discharged is { } d && d < a)
            issues.Error("NGAY_RA", "claim.discharge_before_admission", $"Ngày ra {d:dd/MM/yyyy HH:mm} trước ngày vào {a:dd/MM/yyyy HH:mm}.");
        var totalSlot = f[Slot.Total130] is not null || f.IsQd130 ? Slot.Total130 : Slot.Total4210;
        var total = Money(f, totalSlot, issues, required: true);
        var hospital = Money(f, Slot.TotalHospital, issues, required: false);
        var insurer = Money(f, Slot.InsurerPaid, issues, required: false);
        if (insurer > total)
            issues.Error("T_BHTT", "claim.insurer_above_total", $"Số BHYT thanh toán {insurer?.ToString("N0", Vi)} lớn hơn tổng chi {total?.ToString("N0", Vi)} ({f.Name(totalSlot)}).");
        var patient = Money(f, f[Slot.CoPayment] is not null ? Slot.CoPayment : Slot.SelfPayment, issues, required: false);
        var drugs = Money(f, Slot.Drugs, issues, required: false);
        var supplies = Money(f, Slot.Supplies, issues, required: false);
        // T_THUOC and T_VTYT are at hospital prices: under QĐ 130 they sit within T_TONGCHI_BV, not within T_TONGCHI_BH.
        var (ceiling, ceilingName) = hospital is not null ? (hospital, "T_TONGCHI_BV") : (total, f.Name(totalSlot));
        if ((drugs ?? 0) + (supplies ?? 0) > ceiling)
            issues.Error("T_THUOC", "claim.parts_above_total",
                $"Tiền thuốc {(drugs ?? 0).ToString("N0", Vi)} cộng vật tư {(supplies ?? 0).ToString("N0", Vi)} lớn hơn tổng chi {ceiling?.ToString("N0", Vi)} ({ceilingName}).");
        if (issues.Count > before) return false;

        ref var record = ref output.Next;
        var batch = output.Current;
        record.SourceRow = nextRow();
        record.ClaimId = batch.Add(Utf8(claimId!));
        pseudonymizer.WritePseudonym(Utf8(card!), batch.Reserve(CardPseudonymizer.Length, out record.CardPseudonym));
        record.FacilityCode = batch.Add(Utf8(facility!));
        var province = f[Slot.Province] is { Length: > 0 } stated ? Utf8(stated) : CardProvince.Of(Utf8(card!));
        record.ResidenceProvince = province.IsEmpty ? TextRange.Null : batch.Add(province);
        record.VisitType = visitType!;
        record.VisitTypeCode = typeCode;
        record.AdmittedAt = admitted!.Value;
        record.DischargedAt = discharged;
        record.LengthOfStay = int.TryParse(f[Slot.Days], NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : null;
        record.PrimaryIcd = Optional(batch, f[Slot.Diagnosis]);
        (record.TotalCost, record.InsurerPaid, record.PatientPaid, record.DrugCost, record.SuppliesCost) = (total!.Value, insurer, patient, drugs, supplies);
        record.Sex = ClaimDemographics.Sex(f[Slot.Sex]);
        record.AgeBand = ClaimDemographics.AgeBandAt(f[Slot.BirthDate], record.AdmittedAt, out var unusable);
        if (unusable) warn?.Invoke(new ValidationIssue(ValidationIssue.Warning, "claim.birth_date", ClaimDemographics.UnusableBirthDate, issues.Here("NGAY_SINH")));
        output.Added();
        return true;
    }

    private static string? Required(Xml1Fields f, Slot slot, ClaimXmlIssues issues, string rule, string message)
    {
        var value = f[slot];
        if (string.IsNullOrEmpty(value)) issues.Error(f.Name(slot), rule, message);
        return value;
    }

    /// <summary>
    /// Timestamps of both standards are 12 digits, yyyyMMddHHmm. Anything else is an error naming the value: an 8-digit
    /// value (ddMMyyyy or yyyyMMdd) could be read two ways, and a claim is never loaded with a guessed date.
    /// </summary>
    private static DateTime? Date(Xml1Fields f, Slot slot, ClaimXmlIssues issues, bool required)
    {
        var text = f[slot];
        var name = f.Name(slot);
        if (string.IsNullOrEmpty(text))
        {
            if (required) issues.Error(name, "claim.date", $"Thiếu ngày ({name}).");
            return null;
        }
        if (text.Length == 12 && text.All(char.IsAsciiDigit)
            && DateTime.TryParseExact(text, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        var why = text.Length == 8 && text.All(char.IsAsciiDigit)
            ? "có 8 chữ số (ddMMyyyy hay yyyyMMdd?), thiếu giờ phút; không đoán ngày"
            : "không phải ngày giờ hợp lệ";
        issues.Error(name, "claim.date", $"Trường {name} = '{text}' {why}: chuẩn là yyyyMMddHHmm (12 chữ số).", text);
        return null;
    }

    // Money is a plain decimal in VND with '.' or ',' as the decimal mark ("2031009.99", "2491500,00"); never a float,
    // never with separators stripped: "1.234.567,00" is refused, not read as a million.
    private static decimal? Money(Xml1Fields f, Slot slot, ClaimXmlIssues issues, bool required)
    {
        var text = f[slot];
        var name = f.Name(slot);
        if (string.IsNullOrEmpty(text))
        {
            if (required) issues.Error(name, "claim.money", $"Thiếu số tiền ({name}).");
            return null;
        }
        if (!ClaimNumber.TryParse(text, out var value))
        {
            issues.Error(name, "claim.money", $"Số tiền '{text}' không phải là số.", text);
            return null;
        }
        if (value < 0) issues.Error(name, "claim.money_negative", $"Số tiền âm ({text}).", text);
        return value;
    }

    private TextRange Optional(ClaimBatch batch, string? text) => string.IsNullOrEmpty(text) ? TextRange.Null : batch.Add(Utf8(text));

    private ReadOnlySpan<byte> Utf8(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < max) _utf8 = new byte[max];
        return _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8));
    }
}
