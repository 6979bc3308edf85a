using System.Text;
using Bhyt.Etl.Sources.Claims.Xml;
using Bhyt.Etl.Validation;
using static Bhyt.Tests.Etl.Sources.Claims.Xml.ClaimsXmlReaderTests;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

public sealed class ClaimsXmlBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Write(string name, string text) => _folder.Write(name, Encoding.UTF8.GetBytes(text));

    private (ClaimsXmlReader Reader, List<Row> Rows) ReadEnvelope(params string[] hosos) => Read(Write("bad.xml", ClaimXml.Envelope(hosos)));

    private static string Good(string id) => ClaimXml.Hoso(new Xml1Claim(id), Content.Base64);

    private static ValidationIssue Only(ClaimsXmlReader reader) => Assert.Single(reader.Errors);

    [Fact]
    public void Read_base64_that_does_not_decode_names_the_HOSO_and_NOIDUNGFILE()
    {
        var (reader, _) = ReadEnvelope(Good("A1"), "<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>PFRPTkdfSE9QPg==*%$#not-base64</NOIDUNGFILE></FILEHOSO></HOSO>");

        var issue = Only(reader);
        Assert.Equal(("xml.base64", "HOSO 2, trường NOIDUNGFILE"), (issue.Rule, issue.Location));
    }

    [Fact]
    public void Read_base64_broken_inside_a_long_content_quotes_its_start_not_the_whole_content()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(new Xml1Claim("A2").Xml()));
        var broken = encoded[..60] + "!!" + encoded[62..];
        var (reader, _) = ReadEnvelope(Good("A1"), $"<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>{broken}</NOIDUNGFILE></FILEHOSO></HOSO>");

        var issue = Only(reader);
        Assert.Equal(("xml.base64", "HOSO 2, trường NOIDUNGFILE"), (issue.Rule, issue.Location));
        Assert.Contains($"'{broken[..40]}…'", issue.Message);
        Assert.True(issue.Message.Length < 300, issue.Message);
    }

    [Fact]
    public void Read_base64_of_a_truncated_XML1_is_malformed_in_its_HOSO_and_the_other_HOSO_are_still_checked()
    {
        var truncated = Convert.ToBase64String(Encoding.UTF8.GetBytes(new Xml1Claim("A2").Xml()[..200]));
        var (reader, _) = ReadEnvelope(Good("A1"), $"<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>{truncated}</NOIDUNGFILE></FILEHOSO></HOSO>",
            ClaimXml.Hoso(new Xml1Claim("A3", Card: null), Content.Inline));

        Assert.Equal(2, reader.ErrorCount);
        Assert.Equal("xml.malformed", reader.Errors[0].Rule);
        Assert.StartsWith("HOSO 2, NOIDUNGFILE (base64) dòng 1", reader.Errors[0].Location);
        Assert.Equal(("claim.missing_card", "HOSO 3, MA_LK A3, trường MA_THE_BHYT"), (reader.Errors[1].Rule, reader.Errors[1].Location));
    }

    [Fact]
    public void Read_an_envelope_that_is_not_well_formed_is_an_error_with_line_and_column()
    {
        var text = ClaimXml.Envelope(new Xml1Claim("A1"), new Xml1Claim("A2"));
        var (reader, _) = Read(Write("cut.xml", text[..(text.Length - 40)]));

        var issue = Only(reader);
        Assert.Equal("xml.malformed", issue.Rule);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(issue.Location, "^HOSO 2, MA_LK A2, dòng \\d+, cột \\d+$"), issue.Location);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("hai")]
    public void Read_SOLUONGHOSO_other_than_the_HOSO_count_is_an_error(string declared)
    {
        var (reader, _) = Read(Write("count.xml", ClaimXml.Envelope([Good("A1"), Good("A2")], declaredCount: declared)));

        var issue = Only(reader);
        Assert.Equal("GIAMDINHHS/THONGTINHOSO/SOLUONGHOSO", issue.Location);
        Assert.Equal(declared == "" ? "xml.count_missing" : "xml.count_mismatch", issue.Rule);
        Assert.Contains("2 HOSO", issue.Message);
    }

    [Theory]
    [InlineData(true, "MA_THE_BHYT")]
    [InlineData(false, "MA_THE")]
    public void Read_a_missing_card_names_the_field_of_the_claims_standard(bool qd130, string field)
    {
        var (reader, rows) = ReadEnvelope(Good("A1"), ClaimXml.Hoso(new Xml1Claim("A2", Card: "", Qd130: qd130, VisitType: qd130 ? "03" : "3"), Content.Base64));

        Assert.Equal(("claim.missing_card", $"HOSO 2, MA_LK A2, trường {field}"), (Only(reader).Rule, Only(reader).Location));
        Assert.Single(rows);
    }

    [Fact]
    public void Read_a_missing_facility_and_total_are_each_named()
    {
        var (reader, _) = ReadEnvelope(ClaimXml.Hoso(new Xml1Claim("A1", Facility: null, Total: "", Drugs: null, Supplies: null, Insurer: null), Content.Inline));

        Assert.Equal([("claim.missing_facility", "HOSO 1, MA_LK A1, trường MA_CSKCB"), ("claim.money", "HOSO 1, MA_LK A1, trường T_TONGCHI_BH")],
            reader.Errors.Select(e => (e.Rule, e.Location)));
    }

    [Theory]
    [InlineData("08042026", "8 chữ số")]
    [InlineData("2024-03-01", "không phải ngày giờ")]
    [InlineData("202413010800", "không phải ngày giờ")]
    [InlineData("20240301", "8 chữ số")]
    public void Read_a_date_that_is_not_yyyyMMddHHmm_is_rejected_with_field_and_value_never_guessed(string value, string why)
    {
        var (reader, rows) = ReadEnvelope(ClaimXml.Hoso(new Xml1Claim("A1", Admitted: value), Content.Base64));

        var issue = Only(reader);
        Assert.Equal(("claim.date", "HOSO 1, MA_LK A1, trường NGAY_VAO", value), (issue.Rule, issue.Location, issue.CellText));
        Assert.Contains($"NGAY_VAO = '{value}'", issue.Message);
        Assert.Contains(why, issue.Message);
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData(true, "11")]
    [InlineData(true, "")]
    [InlineData(false, "7")]
    [InlineData(false, "03x")]
    public void Read_an_unknown_visit_type_is_rejected_naming_the_standard(bool qd130, string code)
    {
        var (reader, _) = ReadEnvelope(ClaimXml.Hoso(new Xml1Claim("A1", VisitType: code, Qd130: qd130), Content.Base64));

        var issue = Only(reader);
        Assert.Equal(("claim.visit_type", "HOSO 1, MA_LK A1, trường MA_LOAI_KCB"), (issue.Rule, issue.Location));
        Assert.Contains(qd130 ? "QĐ 130" : "QĐ 4210", issue.Message);
    }

    [Fact]
    public void Read_insurer_paid_above_total_and_drugs_plus_supplies_above_total_are_rejected()
    {
        var (reader, _) = ReadEnvelope(
            ClaimXml.Hoso(new Xml1Claim("A1", Total: "1000000", Insurer: "1000000.01", CoPay: "0", Drugs: "0", Supplies: "0"), Content.Base64),
            ClaimXml.Hoso(new Xml1Claim("A2", Total: "1000000", Insurer: "900000", Drugs: "800000", Supplies: "200000,5", Qd130: false, VisitType: "1"), Content.Inline),
            ClaimXml.Hoso(new Xml1Claim("A3", Total: "1000000", Hospital: "1300000", Insurer: "900000", Drugs: "800000", Supplies: "400000"), Content.Inline));

        Assert.Equal([("claim.insurer_above_total", "HOSO 1, MA_LK A1, trường T_BHTT"), ("claim.parts_above_total", "HOSO 2, MA_LK A2, trường T_THUOC")],
            reader.Errors.Select(e => (e.Rule, e.Location)));
    }

    [Fact]
    public void Read_money_with_thousands_separators_or_letters_is_refused_not_stripped()
    {
        var (reader, _) = ReadEnvelope(ClaimXml.Hoso(new Xml1Claim("A1", Total: "5.200.000,00"), Content.Base64),
            ClaimXml.Hoso(new Xml1Claim("A2", Drugs: "-5"), Content.Base64));

        Assert.Equal([("claim.money", "HOSO 1, MA_LK A1, trường T_TONGCHI_BH"), ("claim.money", "HOSO 1, MA_LK A1, trường T_TONGCHI_BV"),
            ("claim.money_negative", "HOSO 2, MA_LK A2, trường T_THUOC")],
            reader.Errors.Select(e => (e.Rule, e.Location)));
    }

    [Fact]
    public void Read_a_HOSO_without_XML1_and_a_file_of_another_root_are_errors()
    {
        var (noXml1, _) = ReadEnvelope(Good("A1"), $"<HOSO>{ClaimXml.Xml2File("A2")}</HOSO>");
        var (otherRoot, _) = Read(Write("other.xml", "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC/></CHITIEU_CHITIET_THUOC>"));

        Assert.Equal(("xml.no_xml1", "HOSO 2, trường FILEHOSO"), (Only(noXml1).Rule, Only(noXml1).Location));
        Assert.Equal("xml.root", Only(otherRoot).Rule);
    }

    [Fact]
    public void Read_keeps_every_error_of_every_HOSO_not_only_the_first()
    {
        var hosos = Enumerable.Range(1, 50).Select(i => ClaimXml.Hoso(new Xml1Claim($"A{i}", Admitted: i % 10 == 0 ? "01032024" : "202403010800"), Content.Base64)).ToArray();
        var (reader, rows) = ReadEnvelope(hosos);

        Assert.Equal(["HOSO 10, MA_LK A10, trường NGAY_VAO", "HOSO 20, MA_LK A20, trường NGAY_VAO", "HOSO 30, MA_LK A30, trường NGAY_VAO",
            "HOSO 40, MA_LK A40, trường NGAY_VAO", "HOSO 50, MA_LK A50, trường NGAY_VAO"], reader.Errors.Select(e => e.Location));
        Assert.Equal(45, rows.Count); // read, but the loader rejects the file on any error
    }

    [Fact]
    public void Read_a_field_longer_than_any_standard_allows_is_refused_without_being_held()
    {
        var (reader, rows) = ReadEnvelope(ClaimXml.Hoso(new Xml1Claim("A1", Icd: new string('J', 5000)), Content.Base64),
            ClaimXml.Hoso(new Xml1Claim(new string('L', 3000)), Content.Inline));

        Assert.Equal([("claim.field_too_long", "HOSO 1, MA_LK A1, trường MA_BENH_CHINH"), ("claim.field_too_long", $"HOSO 2, MA_LK {new string('L', 100)}…, trường MA_LK")],
            reader.Errors.Select(e => (e.Rule, e.Location)));
        Assert.Empty(rows);
    }

    [Fact]
    public void Read_a_field_holding_elements_is_malformed()
    {
        var (reader, _) = ReadEnvelope(ClaimXml.Hoso(new Xml1Claim("A1"), Content.Inline).Replace("<MA_CSKCB>68001</MA_CSKCB>", "<MA_CSKCB><MA>68001</MA></MA_CSKCB>"));

        Assert.Equal("xml.malformed", Only(reader).Rule);
        Assert.Contains("MA_CSKCB", Only(reader).Message);
    }

    public void Dispose() => _folder.Dispose();
}
