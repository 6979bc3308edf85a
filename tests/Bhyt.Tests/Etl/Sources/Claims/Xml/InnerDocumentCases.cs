using System.Text;
using System.Text.RegularExpressions;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary>
/// A decoded NOIDUNGFILE document: which table it stands for (XML1, XML2, XML3) and whether the span scanner must read
/// it itself (<see cref="Fast"/>) or decline it to XmlReader — because it is malformed, or holds what the fast path
/// does not reproduce (a CR or a comment in a kept field, another encoding, a DOCTYPE, a non-ASCII name ...).
/// </summary>
public sealed record InnerDocumentCase(string Name, string Table, byte[] Document, bool Fast)
{
    public override string ToString() => Name;
}

/// <summary>The documents the differential tests read with both paths.</summary>
public static class InnerDocumentCases
{
    public static readonly string Claim = new Xml1Claim("K1", Name: "Nguyễn Thị Ánh", Icd: "J18").Xml();

    private static string Field(string name, string value) => Regex.Replace(Claim, $"<{name}>[^<]*</{name}>", value);

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    public static string Xml2 =>
        "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC>" +
        "<CHI_TIET_THUOC><MA_LK>K1</MA_LK><STT>1</STT><MA_THUOC>40.17</MA_THUOC><MA_NHOM>4</MA_NHOM><TEN_THUOC>Paracetamol 500mg</TEN_THUOC><SO_LUONG>20</SO_LUONG><DON_GIA>500</DON_GIA><THANH_TIEN_BV>10000</THANH_TIEN_BV><THANH_TIEN_BH>10000</THANH_TIEN_BH><T_BHTT>8000</T_BHTT></CHI_TIET_THUOC>" +
        "<CHI_TIET_THUOC><MA_LK>K1</MA_LK><STT>2</STT><MA_THUOC>40.88</MA_THUOC><MA_NHOM>4</MA_NHOM><SO_LUONG>1.5</SO_LUONG><DON_GIA>1000.50</DON_GIA><THANH_TIEN_BV>1500.75</THANH_TIEN_BV><T_BHTT>1200.6</T_BHTT></CHI_TIET_THUOC>" +
        "</DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";

    public static string Xml3 =>
        "<DSACH_CHI_TIET_DVKT><CHI_TIET_DVKT><MA_LK>K1</MA_LK><STT>1</STT><MA_DICH_VU>01.0001.1777</MA_DICH_VU><MA_NHOM>13</MA_NHOM><SO_LUONG>1</SO_LUONG><DON_GIA>38700,00</DON_GIA><THANH_TIEN>38700,00</THANH_TIEN><T_BHTT>34830,00</T_BHTT></CHI_TIET_DVKT>" +
        "<CHI_TIET_DVKT><MA_LK>K1</MA_LK><STT>2</STT><MA_VAT_TU>N03.02.070</MA_VAT_TU><MA_NHOM>10</MA_NHOM><SO_LUONG>2</SO_LUONG><DON_GIA>5000</DON_GIA><THANH_TIEN>10000</THANH_TIEN><T_BHTT>9000</T_BHTT></CHI_TIET_DVKT></DSACH_CHI_TIET_DVKT>";

    private static InnerDocumentCase X1(string name, string doc, bool fast) => new(name, "XML1", Encoding.UTF8.GetBytes(doc), fast);
    private static InnerDocumentCase X2(string name, string doc, bool fast) => new(name, "XML2", Encoding.UTF8.GetBytes(doc), fast);
    private static InnerDocumentCase X3(string name, string doc, bool fast) => new(name, "XML3", Encoding.UTF8.GetBytes(doc), fast);

    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : (byte[])p)];

    public static IEnumerable<InnerDocumentCase> All =>
    [
        // Read by the span scanner.
        X1("plain", Claim, true),
        X1("declaration", Declaration + "\r\n" + Claim, true),
        X1("declaration, single quotes, standalone", "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>" + Claim, true),
        new("BOM, CR/LF, declaration", "XML1", Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "\r\n" + Declaration + "\r\n" + Claim), true),
        X1("declaration without encoding", "<?xml version=\"1.0\"?>" + Claim, true),
        X1("CDATA in a skipped field", Field("HO_TEN", "<HO_TEN><![CDATA[Nguyễn <Văn> & Bí Mật]]></HO_TEN>"), true),
        X1("CDATA in a kept field", Field("MA_LK", "<MA_LK> <![CDATA[ K<1> ]]>\n</MA_LK>"), true),
        X1("entities in a kept field", Field("MA_LK", "<MA_LK>K&amp;1&#7887;&#x1EA1;&lt;&gt;&quot;&apos;&#x1F600;</MA_LK>"), true),
        X1("entities in a skipped field", Field("HO_TEN", "<HO_TEN>Nguy&#7877;n &amp; c&#x1EA1;</HO_TEN>"), true),
        X1("comments", Claim.Replace("<TONG_HOP>", "<!-- đầu --><TONG_HOP><!-- giữa -->").Replace("<HO_TEN>", "<HO_TEN><!-- x -->"), true),
        X1("self-closing empty fields", Field("NGAY_RA", "<NGAY_RA/>").Replace("<T_VTYT>300000</T_VTYT>", "<T_VTYT />"), true),
        X1("empty field", Field("T_VTYT", "<T_VTYT></T_VTYT>"), true),
        X1("white space only field", Field("T_VTYT", "<T_VTYT> \t\n </T_VTYT>"), true),
        X1("xmlns attributes and xsi:nil",
            Claim.Replace("<TONG_HOP>", "<TONG_HOP xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">")
                .Replace("<T_VTYT>300000</T_VTYT>", "<T_VTYT xsi:nil=\"true\" />"), true),
        X1("default namespace", Claim.Replace("<TONG_HOP>", "<TONG_HOP xmlns=\"urn:bhyt\">"), true),
        X1("prefixed elements", Regex.Replace(Claim, "<(/?)([A-Z_0-9]+)", "<$1b:$2").Replace("<b:TONG_HOP>", "<b:TONG_HOP xmlns:b=\"urn:b\">"), true),
        X1("unusual white space", Claim.Replace("><", ">\r\n\t <").Replace("<MA_LK>K1</MA_LK>", "<MA_LK\n>K1</MA_LK\t>").Replace("<TONG_HOP>", "<TONG_HOP  a = 'x'\tb=\"y\" >"), true),
        X1("fields in another order", Field("MA_LK", "").Replace("</TONG_HOP>", "<MA_LK>K1</MA_LK></TONG_HOP>"), true),
        X1("unknown and nested elements", Claim.Replace("<MA_LK>", "<EXTRA><A x=\"1\"><B>b</B><C/><MA_LK>NOT</MA_LK></A></EXTRA><MA_LK>"), true),
        X1("a field twice", Claim.Replace("</TONG_HOP>", "<MA_LK>K2</MA_LK><T_VTYT>1</T_VTYT></TONG_HOP>"), true),
        X1("processing instructions", Claim.Replace("<MA_LK>", "<?bhyt note?><MA_LK>").Replace("<TONG_HOP>", "<?xml-stylesheet href=\"a\"?><TONG_HOP>"), true),
        X1("LF, tab and NBSP in kept values", Field("MA_BENH_CHINH", "<MA_BENH_CHINH>\u00A0J18;\nJ20\tK1\u00A0</MA_BENH_CHINH>"), true),
        X1("text among the fields", Claim.Replace("<MA_LK>", "rác<MA_LK>"), true),
        X1("comment and white space after the root", Claim + "\r\n<!-- hết -->\r\n", true),
        X1("empty root", "<TONG_HOP/>", true),
        X1("another root", "<XML4><A>1</A></XML4>", true),
        X1("money with a comma", Field("T_TONGCHI_BH", "<T_TONGCHI_BH>5200000,50</T_TONGCHI_BH>"), true),
        X1("bad date", Field("NGAY_VAO", "<NGAY_VAO>01032024</NGAY_VAO>"), true),
        X1("a field of 1024 characters", Field("MA_BN", $"<MA_BN>{new string('x', 1024)}</MA_BN>").Replace("<MA_LK>K1</MA_LK>", $"<MA_LK>{new string('k', 1000)}</MA_LK>"), true),
        X1("a long skipped field", Field("HO_TEN", $"<HO_TEN>{string.Concat(Enumerable.Repeat("Nguyễn &amp; ", 20_000))}</HO_TEN>"), true),
        X2("XML2", Xml2, true),
        X3("XML3 of QĐ 4210", Xml3, true),
        X2("XML2 with declaration and comments", Declaration + "<!--a-->" + Xml2.Replace("<CHI_TIET_THUOC>", "<!--b--><CHI_TIET_THUOC>"), true),
        X2("XML2 empty", "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC/></CHITIEU_CHITIET_THUOC>", true),
        X2("XML2 bad numbers", Xml2.Replace("<SO_LUONG>20</SO_LUONG>", "<SO_LUONG>1.2.3</SO_LUONG>").Replace("<DON_GIA>500</DON_GIA>", "<DON_GIA>99999999999999999</DON_GIA>"), true),
        X2("XML2 without MA_LK", Xml2.Replace("<MA_LK>K1</MA_LK>", ""), true),
        X2("XML2 CDATA and entities in codes", Xml2.Replace("<MA_THUOC>40.17</MA_THUOC>", "<MA_THUOC><![CDATA[40.17]]></MA_THUOC>").Replace("<MA_THUOC>40.88</MA_THUOC>", "<MA_THUOC>40&#46;88</MA_THUOC>"), true),
        X2("XML2 lines in an unknown wrapper", Xml2.Replace("<DSACH_CHI_TIET_THUOC>", "<DSACH_CHI_TIET_THUOC><NHOM>").Replace("</DSACH_CHI_TIET_THUOC>", "</NHOM></DSACH_CHI_TIET_THUOC>"), true),
        X2("XML2 empty line and unknown fields", Xml2.Replace("<TEN_THUOC>", "<X><Y/></X><TEN_THUOC>").Replace("</DSACH_CHI_TIET_THUOC>", "<CHI_TIET_THUOC/></DSACH_CHI_TIET_THUOC>"), true),
        X3("XML3 under XML2's name", Xml3.Replace("DSACH_CHI_TIET_DVKT", "DSACH_CHI_TIET_THUOC"), true),

        // Valid for XmlReader, declined by the span scanner (XmlReader reads them).
        X1("CR in a kept field", Field("MA_LK", "<MA_LK>K\r\n1</MA_LK>"), false),
        X1("reference to a space in a kept field", Field("MA_LK", "<MA_LK>K&#32;1</MA_LK>"), false),
        X1("comment inside a kept field", Field("MA_LK", "<MA_LK>K<!--x-->1</MA_LK>"), false),
        X1("two CDATA sections in a kept field", Field("MA_LK", "<MA_LK><![CDATA[K]]> <![CDATA[1]]></MA_LK>"), false),
        X1("a kept field over 1024 bytes", Field("MA_LK", $"<MA_LK>{new string('k', 2000)}</MA_LK>"), false),
        X1("windows-1258 declared", "<?xml version=\"1.0\" encoding=\"windows-1258\"?>" + Claim, false),
        X1("non-ASCII element name", Claim.Replace("<MA_LK>", "<TÊN>x</TÊN><MA_LK>"), false),
        X1("xml:space", Claim.Replace("<TONG_HOP>", "<TONG_HOP xml:space=\"preserve\">"), false),
        X1("reference to a tab in a skipped field", Field("HO_TEN", "<HO_TEN>a&#9;b</HO_TEN>"), true),

        // Not well-formed: both paths report XmlReader's error (line and column).
        X1("DOCTYPE", "<!DOCTYPE TONG_HOP>" + Claim, false),
        X1("mismatched tags", Field("MA_LK", "<MA_LK>K1</MA_LKX>"), false),
        X1("unclosed root", Claim.Replace("</TONG_HOP>", ""), false),
        X1("'<' in text", Field("HO_TEN", "<HO_TEN>a < b</HO_TEN>"), false),
        X1("undeclared entity", Field("HO_TEN", "<HO_TEN>a &nbsp; b</HO_TEN>"), false),
        X1("bare ampersand", Field("MA_LK", "<MA_LK>K & 1</MA_LK>"), false),
        X1("duplicate attribute", Claim.Replace("<TONG_HOP>", "<TONG_HOP a=\"1\" a=\"2\">"), false),
        X1("undeclared prefix", Claim.Replace("<MA_LK>", "<x:EXTRA/><MA_LK>"), false),
        X1("a control character", Claim.Replace("</HO_TEN>", "\u0001</HO_TEN>"), false),
        new("a byte 0xFF", "XML1", Bytes(Claim[..Claim.IndexOf("</HO_TEN>")], new byte[] { 0xFF }, Claim[Claim.IndexOf("</HO_TEN>")..]), false),
        new("U+FFFF", "XML1", Bytes(Field("HO_TEN", "<HO_TEN>a\uFFFFb</HO_TEN>")), false),
        X1("text after the root", Claim + "rác", false),
        X1("a second root", Claim + Claim, false),
        X1("']]>' in text", Field("HO_TEN", "<HO_TEN>a]]>b</HO_TEN>"), false),
        X1("'--' in a comment", Claim.Replace("<MA_LK>", "<!-- a -- b --><MA_LK>"), false),
        X1("declaration not first", "<!-- a -->" + Declaration + Claim, false),
        X1("reference to NUL", Field("HO_TEN", "<HO_TEN>a&#0;b</HO_TEN>"), false),
        X1("nothing but white space", " \r\n ", false),
        X1("unquoted attribute", Claim.Replace("<TONG_HOP>", "<TONG_HOP a=1>"), false),
        X1("attributes without space between", Claim.Replace("<TONG_HOP>", "<TONG_HOP a=\"1\"b=\"2\">"), false),
        X1("version 1.1", "<?xml version=\"1.1\"?>" + Claim, false),
        X1("a child element in a kept field", Field("MA_LK", "<MA_LK>K<B>1</B></MA_LK>"), false),
        X1("'<' in an attribute", Claim.Replace("<TONG_HOP>", "<TONG_HOP a=\"<\">"), false),
        X1("xmlns:p empty", Claim.Replace("<TONG_HOP>", "<TONG_HOP xmlns:p=\"\">"), false),
        X1("CDATA before the root", "<![CDATA[x]]>" + Claim, false),
        X2("XML2 cut short", Xml2[..^30], false),
        X3("XML3 with a child in a number", Xml3.Replace("<SO_LUONG>1</SO_LUONG>", "<SO_LUONG><N>1</N></SO_LUONG>"), false),
    ];
}
