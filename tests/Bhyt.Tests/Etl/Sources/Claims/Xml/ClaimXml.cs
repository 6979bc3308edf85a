using System.IO.Compression;
using System.Security;
using System.Text;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary>One claim's XML1 values, written under either standard's field names; personal fields are filled so tests can look for them.</summary>
public sealed record Xml1Claim(
    string ClaimId = "LK001", string? Card = "GD4797932176423", string? Facility = "68001", string VisitType = "03",
    string Admitted = "202403010800", string? Discharged = "202403051000", string Days = "5", string Icd = "J18",
    string Total = "5200000.00", string? Hospital = null, string? Insurer = "4680000", string? CoPay = "520000", string? Drugs = "1500000",
    string? Supplies = "300000", string? Province = "68", bool Qd130 = true, string Name = "Nguyễn Văn Bí Mật", string CitizenId = "068123456789",
    string? BirthDate = null, string? Sex = "1")
{
    /// <summary>The TONG_HOP element, fields in the standard's order (personal ones included, as real files have them).</summary>
    public string Xml(string? rootAttributes = null)
    {
        var b = new StringBuilder($"<TONG_HOP{rootAttributes}>");
        void F(string name, string? value) { if (value is not null) b.Append($"<{name}>{SecurityElement.Escape(value)}</{name}>"); }
        F("MA_LK", ClaimId); F("STT", "1"); F("MA_BN", "BN" + CitizenId); F("HO_TEN", Name);
        if (Qd130) F("SO_CCCD", CitizenId);
        F("NGAY_SINH", BirthDate ?? (Qd130 ? "198005120000" : "19800512")); F("GIOI_TINH", Sex);
        F("DIA_CHI", "12 Đường Bí Mật, Đà Lạt");
        if (Qd130) { F("MATINH_CU_TRU", Province); F("DIEN_THOAI", "0909123456"); }
        F(Qd130 ? "MA_THE_BHYT" : "MA_THE", Card); F("MA_DKBD", "68001"); F("GT_THE_TU", "20240101"); F("GT_THE_DEN", "20241231");
        F(Qd130 ? "MA_BENH_CHINH" : "MA_BENH", Icd); F(Qd130 ? "MA_DOITUONG_KCB" : "MA_LYDO_VVIEN", Qd130 ? "1.1" : "1");
        F("NGAY_VAO", Admitted); F("NGAY_RA", Discharged); F("SO_NGAY_DTRI", Days); F("KET_QUA_DTRI", "1");
        F("T_THUOC", Drugs); F("T_VTYT", Supplies);
        if (Qd130) { F("T_TONGCHI_BV", Hospital ?? Total); F("T_TONGCHI_BH", Total); } else F("T_TONGCHI", Total);
        F("T_BNTT", "0"); F("T_BNCCT", CoPay); F("T_BHTT", Insurer); F("T_NGUONKHAC", "0");
        F("NAM_QT", "2024"); F("THANG_QT", "3"); F("MA_LOAI_KCB", VisitType); F("MA_KHOA", "K01"); F("MA_CSKCB", Facility);
        if (!Qd130) F("MATINH_CU_TRU", Province);
        return b.Append("</TONG_HOP>").ToString();
    }
}

/// <summary>How a HOSO's XML1 sits in NOIDUNGFILE.</summary>
public enum Content { Base64, Base64Wrapped, Base64WithBomAndDeclaration, Base64WithCrLfAndDeclaration, Inline, InlineWithNamespaces, CData, CDataBase64 }

/// <summary>Builds claims files in the shapes real facilities send, from <see cref="Xml1Claim"/>s.</summary>
public static class ClaimXml
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    public static string NoiDungFile(Xml1Claim claim, Content content) => content switch
    {
        Content.Base64 => Base64(claim.Xml()),
        Content.Base64Wrapped => Wrap(Base64(claim.Xml()), 64),
        Content.Base64WithBomAndDeclaration => Convert.ToBase64String([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Declaration + "\r\n" + claim.Xml())]),
        Content.Base64WithCrLfAndDeclaration => Base64("\r\n" + Declaration + "\r\n" + claim.Xml()),
        Content.Inline => claim.Xml(),
        Content.InlineWithNamespaces => claim.Xml(" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""),
        Content.CData => $"<![CDATA[{Declaration}{claim.Xml()}]]>",
        Content.CDataBase64 => $"<![CDATA[{Base64(claim.Xml())}]]>",
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    /// <summary>A FILEHOSO of another table (XML2 drugs), which the XML1 reader skips.</summary>
    public static string Xml2File(string claimId) =>
        $"<FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>{Base64($"<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>{claimId}</MA_LK><STT>1</STT><MA_NHOM>4</MA_NHOM><THANH_TIEN_BV>1500000</THANH_TIEN_BV></CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>")}</NOIDUNGFILE></FILEHOSO>";

    /// <summary>
    /// The claim's detail tables as its XML1 totals say (a drug line of T_THUOC in XML2; in XML3 a supply line of T_VTYT and
    /// a bed-day line of the rest), so that the lines reconcile with XML1.
    /// </summary>
    public static string DetailFiles(Xml1Claim claim)
    {
        // A claim the tests make unreadable on purpose (no total, "1.234.567") gets lines of 0.
        static decimal N(string? text) => text is not null && decimal.TryParse(text.Contains('.') ? text : text.Replace(',', '.'),
            System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var (drugs, supplies) = (N(claim.Drugs), N(claim.Supplies));
        var (rest, restInScope) = (N(claim.Hospital ?? claim.Total) - drugs - supplies, N(claim.Total) - drugs - supplies);
        string Line(string item, int stt, string group, string code, decimal amount, decimal inScope) =>
            $"<{item}><MA_LK>{claim.ClaimId}</MA_LK><STT>{stt}</STT><{code}>{group}.{stt}</{code}><MA_NHOM>{group}</MA_NHOM>" +
            $"<THANH_TIEN_BV>{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}</THANH_TIEN_BV>" +
            $"<THANH_TIEN_BH>{inScope.ToString(System.Globalization.CultureInfo.InvariantCulture)}</THANH_TIEN_BH></{item}>";
        return $"<FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>{Base64($"<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC>{Line("CHI_TIET_THUOC", 1, "4", "MA_THUOC", drugs, drugs)}</DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>")}</NOIDUNGFILE></FILEHOSO>" +
            $"<FILEHOSO><LOAIHOSO>XML3</LOAIHOSO><NOIDUNGFILE>{Base64($"<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT>{Line("CHI_TIET_DVKT", 1, "10", "MA_VAT_TU", supplies, supplies)}" +
                $"{Line("CHI_TIET_DVKT", 2, "15", "MA_DICH_VU", rest, restInScope)}</DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>")}</NOIDUNGFILE></FILEHOSO>";
    }

    public static string Hoso(Xml1Claim claim, Content content, bool withXml2 = true) =>
        $"<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>{NoiDungFile(claim, content)}</NOIDUNGFILE></FILEHOSO>{(withXml2 ? DetailFiles(claim) : "")}</HOSO>";

    /// <summary>The GIAMDINHHS envelope around HOSO elements; <paramref name="declaredCount"/> defaults to their number.</summary>
    public static string Envelope(IReadOnlyList<string> hosos, string? declaredCount = null, string facility = "68001") =>
        $"{Declaration}\r\n<GIAMDINHHS xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">" +
        $"<THONGTINDONVI><MACSKCB>{facility}</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20240402</NGAYLAP>" +
        $"<SOLUONGHOSO>{declaredCount ?? hosos.Count.ToString()}</SOLUONGHOSO><DANHSACHHOSO>\r\n{string.Join("\r\n", hosos)}\r\n</DANHSACHHOSO></THONGTINHOSO>" +
        "<CHUKYDONVI/></GIAMDINHHS>";

    public static string Envelope(params Xml1Claim[] claims) => Envelope(claims.Select(c => Hoso(c, Content.Base64)).ToList());

    /// <summary>UTF-8 with a BOM, as several facilities' exporters write.</summary>
    public static byte[] WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Zip(IEnumerable<(string Name, string Text)> files)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        return memory.ToArray();
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Wrap(string text, int width) =>
        string.Join("\r\n", Enumerable.Range(0, (text.Length + width - 1) / width).Select(i => text.Substring(i * width, Math.Min(width, text.Length - i * width))));
}
