using System.Xml;

namespace Bhyt.Etl.Generation.ClaimsXml;

/// <summary>
/// XML2 (drugs, <c>CHI_TIET_THUOC</c>) and XML3 (services and supplies, <c>CHI_TIET_DVKT</c>) in the claim's standard:
/// QĐ 130 wraps each list in <c>CHITIEU_CHITIET_THUOC</c> / <c>CHITIEU_CHITIET_DVKT_VTYT</c> and prices at hospital and
/// insurance prices (DON_GIA_BV/_BH, THANH_TIEN_BV/_BH, equal here); QĐ 4210 has the bare list and one price
/// (DON_GIA, THANH_TIEN). Every line carries its MA_NHOM, quantity × unit price = amount, and its insurer share.
/// </summary>
internal static class DetailTables
{
    public const string Drugs = "XML2", Services = "XML3";

    public static void WriteDrugs(XmlWriter writer, ClaimTables tables)
    {
        var qd130 = tables.IsQd130;
        if (qd130) writer.WriteStartElement("CHITIEU_CHITIET_THUOC");
        writer.WriteStartElement("DSACH_CHI_TIET_THUOC");
        var f = new TableFields(writer, tables.Style);
        var stt = 0;
        foreach (var line in tables.DrugLines)
        {
            writer.WriteStartElement("CHI_TIET_THUOC");
            Head(f, tables, ++stt, "MA_THUOC", line.Item.Code);
            if (qd130) f.Text("MA_PP_CHEBIEN", "");
            f.Text("MA_NHOM", line.Item.Group);
            f.FreeText("TEN_THUOC", line.Item.Name);
            f.Text("DON_VI_TINH", line.Item.Unit);
            f.Text("HAM_LUONG", line.Item.Strength);
            f.Text("DUONG_DUNG", line.Item.Route);
            f.FreeText("LIEU_DUNG", line.Item.Unit == "viên" ? "1 viên/lần x 2 lần/ngày" : "1 " + line.Item.Unit + "/ngày");
            f.Text("SO_DANG_KY", "VD-" + line.Item.Code.Replace(".", ""));
            f.Text("TT_THAU", "");
            f.Number("PHAM_VI", 1);
            f.Number(qd130 ? "TYLE_TT_BH" : "TYLE_TT", 100);
            f.Number("SO_LUONG", line.Quantity);
            f.Money("DON_GIA", line.UnitPrice);
            Amounts(f, tables, line);
            Tail(f, tables, line);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        if (qd130) writer.WriteEndElement();
    }

    public static void WriteServices(XmlWriter writer, ClaimTables tables)
    {
        var qd130 = tables.IsQd130;
        if (qd130) writer.WriteStartElement("CHITIEU_CHITIET_DVKT_VTYT");
        writer.WriteStartElement("DSACH_CHI_TIET_DVKT");
        var f = new TableFields(writer, tables.Style);
        var stt = 0;
        foreach (var line in tables.ServiceLines)
        {
            var supply = line.Item.Group == CostGroups.Supplies;
            writer.WriteStartElement("CHI_TIET_DVKT");
            Head(f, tables, ++stt, "MA_DICH_VU", supply ? "" : line.Item.Code);
            if (qd130) f.Text("MA_PTTT_QT", "");
            f.Text("MA_VAT_TU", supply ? line.Item.Code : "");
            f.Text("MA_NHOM", line.Item.Group);
            f.Text("GOI_VTYT", "");
            f.FreeText("TEN_VAT_TU", supply ? line.Item.Name : "");
            f.FreeText("TEN_DICH_VU", supply ? "" : line.Item.Name);
            f.Text("DON_VI_TINH", line.Item.Unit);
            f.Number("PHAM_VI", 1);
            f.Number("SO_LUONG", line.Quantity);
            if (qd130)
            {
                f.Money("DON_GIA_BV", line.UnitPrice);
                f.Money("DON_GIA_BH", line.UnitPrice);
            }
            else f.Money("DON_GIA", line.UnitPrice);
            f.Text("TT_THAU", "");
            f.Number(qd130 ? "TYLE_TT_DV" : "TYLE_TT", 100);
            if (qd130) f.Number("TYLE_TT_BH", 100);
            Amounts(f, tables, line);
            if (line.Item.Group == CostGroups.InpatientBedDay) f.Text("MA_GIUONG", "G" + tables.Claim.ClaimId[^3..]);
            Tail(f, tables, line);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        if (qd130) writer.WriteEndElement();
    }

    private static void Head(TableFields f, ClaimTables tables, int stt, string codeField, string code)
    {
        f.Text("MA_LK", tables.Claim.ClaimId);
        f.Number("STT", stt);
        f.Text(codeField, code);
    }

    /// <summary>THANH_TIEN_BV/_BH (QĐ 4210: THANH_TIEN), MUC_HUONG, T_NGUONKHAC, T_BNTT, T_BNCCT, T_BHTT.</summary>
    private static void Amounts(TableFields f, ClaimTables tables, ClaimLine line)
    {
        if (tables.IsQd130)
        {
            f.Money("THANH_TIEN_BV", line.Amount);
            f.Money("THANH_TIEN_BH", line.Amount);
        }
        else f.Money("THANH_TIEN", line.Amount);
        f.Number("MUC_HUONG", tables.BenefitPercent);
        f.Money("T_NGUONKHAC", 0);
        f.Money("T_BNTT", 0);
        f.Money("T_BNCCT", line.CoPayment);
        f.Money("T_BHTT", line.InsurerPaid);
    }

    private static void Tail(TableFields f, ClaimTables tables, ClaimLine line)
    {
        f.Text("MA_KHOA", SummaryTable.Department(tables.Claim));
        f.Text("MA_BAC_SI", "BS" + tables.Claim.Facility.Code);
        f.Text("MA_BENH", tables.Claim.Diagnosis);
        f.Time("NGAY_YL", line.Ordered);
        if (tables.IsQd130) f.Time("NGAY_TH_YL", line.Ordered);
        f.Number("MA_PTTT", 1);
    }
}
