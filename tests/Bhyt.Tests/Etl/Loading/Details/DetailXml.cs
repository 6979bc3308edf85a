using System.Globalization;
using System.Text;
using Bhyt.Tests.Etl.Sources.Claims.Xml;

namespace Bhyt.Tests.Etl.Loading.Details;

/// <summary>One line of XML2 or XML3 as a facility writes it (the personal-looking fields some exporters add included).</summary>
public sealed record DetailLine(int Stt, string? Group, string Code, decimal Quantity, decimal Price, decimal? InsuredAmount = null, bool Supply = false,
    string? ClaimId = null)
{
    public decimal Amount => Quantity * Price;
}

/// <summary>Builds HOSO with XML1, XML2 and XML3 under either standard's tags, as base64 or inline.</summary>
public static class DetailXml
{
    private static string N(decimal value, bool comma) =>
        comma ? value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') : value.ToString(CultureInfo.InvariantCulture);

    public static string Xml2(string claimId, bool qd130, IEnumerable<DetailLine> lines)
    {
        var b = new StringBuilder(qd130 ? "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC>" : "<DSACH_CHI_TIET_THUOC>");
        foreach (var l in lines)
            b.Append($"<CHI_TIET_THUOC><MA_LK>{l.ClaimId ?? claimId}</MA_LK><STT>{l.Stt}</STT><MA_THUOC>{l.Code}</MA_THUOC>")
                .Append(l.Group is null ? "" : $"<MA_NHOM>{l.Group}</MA_NHOM>")
                .Append($"<TEN_THUOC>Thuốc {l.Stt}</TEN_THUOC><HO_TEN>Nguyễn Văn Bí Mật</HO_TEN><SO_LUONG>{N(l.Quantity, !qd130)}</SO_LUONG>")
                .Append(qd130 ? $"<DON_GIA>{N(l.Price, false)}</DON_GIA><THANH_TIEN_BV>{N(l.Amount, false)}</THANH_TIEN_BV><THANH_TIEN_BH>{N(l.InsuredAmount ?? l.Amount, false)}</THANH_TIEN_BH>"
                    : $"<DON_GIA>{N(l.Price, true)}</DON_GIA><THANH_TIEN>{N(l.Amount, true)}</THANH_TIEN>")
                .Append($"<T_BHTT>{N(Math.Round(l.Amount * 0.8m, 2), !qd130)}</T_BHTT><MA_BAC_SI>BS0001</MA_BAC_SI><NGAY_YL>202403010900</NGAY_YL></CHI_TIET_THUOC>");
        return b.Append(qd130 ? "</DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>" : "</DSACH_CHI_TIET_THUOC>").ToString();
    }

    public static string Xml3(string claimId, bool qd130, IEnumerable<DetailLine> lines)
    {
        var b = new StringBuilder(qd130 ? "<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT>" : "<DSACH_CHI_TIET_DVKT>");
        foreach (var l in lines)
            b.Append($"<CHI_TIET_DVKT><MA_LK>{l.ClaimId ?? claimId}</MA_LK><STT>{l.Stt}</STT>")
                .Append(l.Supply ? $"<MA_DICH_VU>01.0100.0001</MA_DICH_VU><MA_VAT_TU>{l.Code}</MA_VAT_TU>" : $"<MA_DICH_VU>{l.Code}</MA_DICH_VU>")
                .Append(l.Group is null ? "" : $"<MA_NHOM>{l.Group}</MA_NHOM>")
                .Append($"<SO_LUONG>{N(l.Quantity, !qd130)}</SO_LUONG>")
                .Append(qd130 ? $"<DON_GIA_BV>{N(l.Price, false)}</DON_GIA_BV><THANH_TIEN_BV>{N(l.Amount, false)}</THANH_TIEN_BV><THANH_TIEN_BH>{N(l.InsuredAmount ?? l.Amount, false)}</THANH_TIEN_BH>"
                    : $"<DON_GIA>{N(l.Price, true)}</DON_GIA><THANH_TIEN>{N(l.Amount, true)}</THANH_TIEN>")
                .Append($"<T_BHTT>{N(Math.Round(l.Amount * 0.8m, 2), !qd130)}</T_BHTT><NGUOI_THUC_HIEN>NV01</NGUOI_THUC_HIEN></CHI_TIET_DVKT>");
        return b.Append(qd130 ? "</DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>" : "</DSACH_CHI_TIET_DVKT>").ToString();
    }

    /// <summary>A HOSO of the claim with its drug and service lines; <paramref name="inline"/> writes every table inline, else base64.</summary>
    public static string Hoso(Xml1Claim claim, IReadOnlyList<DetailLine> drugs, IReadOnlyList<DetailLine> services, bool inline)
    {
        string Content(string xml) => inline ? xml : Convert.ToBase64String(Encoding.UTF8.GetBytes(xml));
        var b = new StringBuilder($"<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>{ClaimXml.NoiDungFile(claim, inline ? Sources.Claims.Xml.Content.Inline : Sources.Claims.Xml.Content.Base64)}</NOIDUNGFILE></FILEHOSO>");
        if (drugs.Count > 0) b.Append($"<FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>{Content(Xml2(claim.ClaimId, claim.Qd130, drugs))}</NOIDUNGFILE></FILEHOSO>");
        if (services.Count > 0) b.Append($"<FILEHOSO><LOAIHOSO>XML3</LOAIHOSO><NOIDUNGFILE>{Content(Xml3(claim.ClaimId, claim.Qd130, services))}</NOIDUNGFILE></FILEHOSO>");
        return b.Append("</HOSO>").ToString();
    }

    /// <summary>The claim with XML1 totals that agree with its lines (T_THUOC, T_VTYT, T_TONGCHI_BH / T_TONGCHI).</summary>
    public static Xml1Claim Consistent(Xml1Claim claim, IReadOnlyList<DetailLine> drugs, IReadOnlyList<DetailLine> services)
    {
        var all = drugs.Concat(services).ToList();
        var total = all.Sum(l => l.InsuredAmount ?? l.Amount);
        var drugSum = drugs.Where(l => l.Group is not ("10" or "11")).Sum(l => l.Amount) + services.Where(l => l.Group is "4" or "7" or "17").Sum(l => l.Amount);
        var supplies = all.Where(l => l.Group is "10" or "11").Sum(l => l.Amount);
        string Text(decimal v) => claim.Qd130 ? v.ToString(CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        return claim with
        {
            Total = Text(total), Hospital = claim.Qd130 ? Text(all.Sum(l => l.Amount)) : null, Drugs = Text(drugSum), Supplies = Text(supplies),
            Insurer = Text(Math.Round(total * 0.8m, 2)), CoPay = Text(total - Math.Round(total * 0.8m, 2)),
        };
    }
}
