using System.Globalization;
using System.Xml;

namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// XML1, <c>TONG_HOP</c>: the claim's summary in its standard's field names and order — the 66 fields of QĐ 130 (as
/// amended by QĐ 4750; empty where a real facility would have nothing) or the 40 of QĐ 4210 — personal fields included.
/// Totals: T_THUOC = Σ XML2, T_VTYT = Σ supplies of XML3, T_TONGCHI_BV = T_TONGCHI_BH (QĐ 4210: T_TONGCHI) = Σ all lines,
/// T_BHTT = Σ line T_BHTT, T_BNCCT = the rest; nothing outside insurance scope (T_BNTT = 0).
/// </summary>
internal static class SummaryTable
{
    public const string Root = "TONG_HOP";

    public static void Write(XmlWriter writer, ClaimTables tables, int stt)
    {
        writer.WriteStartElement(Root);
        if (tables.Style.Namespaces)
        {
            writer.WriteAttributeString("xmlns", "xsd", null, "http://www.w3.org/2001/XMLSchema");
            writer.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        }
        var f = new TableFields(writer, tables.Style);
        if (tables.IsQd130) Qd130(f, tables, stt);
        else Qd4210(f, tables, stt);
        writer.WriteEndElement();
    }

    private static void Qd130(TableFields f, ClaimTables t, int stt)
    {
        var (c, p) = (t.Claim, t.Patient);
        var inpatient = c.VisitType == 3;
        var diagnosis = ClaimCatalog.DiagnosisName(c.Diagnosis);
        f.Text("MA_LK", c.ClaimId);
        f.Number("STT", stt);
        f.Text("MA_BN", p.PatientId);
        f.FreeText("HO_TEN", p.Name);
        f.Text("SO_CCCD", p.CitizenId);
        f.Text("NGAY_SINH", p.BirthDayKnown ? p.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "0000" : $"{p.BirthDate.Year:D4}00000000");
        f.Number("GIOI_TINH", p.Sex);
        f.Text("NHOM_MAU", "");
        f.Text("MA_QUOCTICH", "000");
        f.Code("MA_DANTOC", 1, 2);
        f.Text("MA_NGHE_NGHIEP", "00000");
        f.FreeText("DIA_CHI", p.Address);
        f.Text("MATINH_CU_TRU", p.ProvinceCode);
        f.Text("MAHUYEN_CU_TRU", p.DistrictCode);
        f.Text("MAXA_CU_TRU", p.CommuneCode);
        f.Text("DIEN_THOAI", p.Phone);
        f.Text("MA_THE_BHYT", c.Card);
        f.Text("MA_DKBD", c.Facility.Code);
        f.Day("GT_THE_TU", new DateOnly(c.Admitted.Year, 1, 1));
        f.Day("GT_THE_DEN", new DateOnly(c.Admitted.Year, 12, 31));
        f.Text("NGAY_MIEN_CCT", "");
        f.FreeText("LY_DO_VV", inpatient ? "Vào viện điều trị" : "Khám bệnh");
        f.FreeText("LY_DO_VNT", inpatient ? diagnosis : "");
        f.Text("MA_LY_DO_VNT", "");
        f.FreeText("CHAN_DOAN_VAO", diagnosis);
        f.FreeText("CHAN_DOAN_RV", diagnosis);
        f.Text("MA_BENH_CHINH", c.Diagnosis);
        foreach (var empty in (string[])["MA_BENH_KT", "MA_BENH_YHCT", "MA_PTTT_QT"]) f.Text(empty, "");
        f.Text("MA_DOITUONG_KCB", "1.1");
        foreach (var empty in (string[])["MA_NOI_DI", "MA_NOI_DEN", "MA_TAI_NAN"]) f.Text(empty, "");
        f.Time("NGAY_VAO", c.Admitted);
        f.Time("NGAY_VAO_NOI_TRU", inpatient ? c.Admitted : null);
        f.Time("NGAY_RA", c.Discharged);
        f.Text("GIAY_CHUYEN_TUYEN", "");
        f.Number("SO_NGAY_DTRI", c.TreatmentDays);
        f.FreeText("PP_DIEU_TRI", inpatient ? "Điều trị nội khoa" : "");
        f.Number("KET_QUA_DTRI", inpatient ? 2 : 1);
        f.Number("MA_LOAI_RV", 1);
        f.Text("GHI_CHU", "");
        f.Time("NGAY_TTOAN", c.Discharged);
        Money(f, t, "T_TONGCHI_BV", "T_TONGCHI_BH");
        f.Money("T_BHTT_GDV", c.InsurerPaid);
        Settlement(f, c);
        f.Code("MA_LOAI_KCB", c.VisitType, 2);
        f.Text("MA_KHOA", Department(c));
        f.Text("MA_CSKCB", c.Facility.Code);
        f.Text("MA_KHUVUC", "");
        f.Text("CAN_NANG", p.Sex == 1 ? "58.50" : "49.00");
        foreach (var empty in (string[])["CAN_NANG_CON", "NAM_NAM_LIEN_TUC", "NGAY_TAI_KHAM"]) f.Text(empty, "");
        f.Text("MA_HSBA", "HS" + c.ClaimId[^8..]);
        f.Text("MA_TTDV", "");
        f.Text("DU_PHONG", "");
    }

    private static void Qd4210(TableFields f, ClaimTables t, int stt)
    {
        var (c, p) = (t.Claim, t.Patient);
        f.Text("MA_LK", c.ClaimId);
        f.Number("STT", stt);
        f.Text("MA_BN", p.PatientId);
        f.FreeText("HO_TEN", p.Name);
        // An unknown day and month: the year alone, as pre-4210 records carried over.
        f.Text("NGAY_SINH", p.BirthDayKnown ? p.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : $"{p.BirthDate.Year:D4}");
        f.Number("GIOI_TINH", p.Sex);
        f.FreeText("DIA_CHI", p.Address);
        f.Text("MA_THE", c.Card);
        f.Text("MA_DKBD", c.Facility.Code);
        f.Day("GT_THE_TU", new DateOnly(c.Admitted.Year, 1, 1));
        f.Day("GT_THE_DEN", new DateOnly(c.Admitted.Year, 12, 31));
        f.Text("MIEN_CUNG_CT", "");
        f.FreeText("TEN_BENH", ClaimCatalog.DiagnosisName(c.Diagnosis));
        f.Text("MA_BENH", c.Diagnosis);
        f.Text("MA_BENHKHAC", "");
        f.Number("MA_LYDO_VVIEN", 1);
        f.Text("MA_NOI_CHUYEN", "");
        f.Text("MA_TAI_NAN", "");
        f.Time("NGAY_VAO", c.Admitted);
        f.Time("NGAY_RA", c.Discharged);
        f.Number("SO_NGAY_DTRI", c.TreatmentDays);
        f.Number("KET_QUA_DTRI", c.VisitType == 3 ? 2 : 1);
        f.Number("TINH_TRANG_RV", 1);
        f.Time("NGAY_TTOAN", c.Discharged);
        Money(f, t, "T_TONGCHI");
        f.Money("T_NGOAIDS", c.InsurerPaid);
        Settlement(f, c);
        f.Number("MA_LOAI_KCB", c.VisitType);
        f.Text("MA_KHOA", Department(c));
        f.Text("MA_CSKCB", c.Facility.Code);
        f.Text("MA_KHUVUC", "");
        f.Text("MA_PTTT_QT", "");
        f.Text("CAN_NANG", t.Style.CommaDecimals ? "0,00" : "0");
    }

    /// <summary>T_THUOC, T_VTYT, the total(s), T_BNTT, T_BNCCT, T_BHTT, T_NGUONKHAC in the standard's order.</summary>
    private static void Money(TableFields f, ClaimTables t, params string[] totals)
    {
        var c = t.Claim;
        f.Money("T_THUOC", c.Drugs);
        f.Money("T_VTYT", c.Supplies);
        foreach (var total in totals) f.Money(total, c.Total);
        f.Money("T_BNTT", 0);
        f.Money("T_BNCCT", c.Total - c.InsurerPaid);
        f.Money("T_BHTT", c.InsurerPaid);
        f.Money("T_NGUONKHAC", 0);
    }

    /// <summary>NAM_QT, THANG_QT: the month of discharge, the month is written "8" or "08" as real files do.</summary>
    private static void Settlement(TableFields f, SyntheticClaim c)
    {
        f.Number("NAM_QT", c.Discharged.Year);
        f.Code("THANG_QT", c.Discharged.Month, 2);
    }

    /// <summary>MA_KHOA: K01 outpatient department for visits, K03 internal medicine for stays (QĐ 5937 annex 5 shapes).</summary>
    internal static string Department(SyntheticClaim c) => c.VisitType == 3 ? "K03" : "K01";
}
