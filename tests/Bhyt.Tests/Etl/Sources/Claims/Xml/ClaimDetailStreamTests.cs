using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

public sealed class ClaimDetailStreamTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static string Base64(string xml) => Convert.ToBase64String(Encoding.UTF8.GetBytes(xml));

    private static string Xml2Of130(string id) =>
        $"<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC>" +
        $"<CHI_TIET_THUOC><MA_LK>{id}</MA_LK><STT>1</STT><MA_THUOC>40.17</MA_THUOC><MA_NHOM>4</MA_NHOM><TEN_THUOC>Paracetamol</TEN_THUOC><SO_LUONG>20</SO_LUONG><DON_GIA>500</DON_GIA><THANH_TIEN_BV>10000</THANH_TIEN_BV><THANH_TIEN_BH>10000</THANH_TIEN_BH><T_BHTT>8000</T_BHTT></CHI_TIET_THUOC>" +
        $"<CHI_TIET_THUOC><MA_LK>{id}</MA_LK><STT>2</STT><MA_THUOC>40.88</MA_THUOC><MA_NHOM>4</MA_NHOM><SO_LUONG>1.5</SO_LUONG><DON_GIA>1000.50</DON_GIA><THANH_TIEN_BV>1500.75</THANH_TIEN_BV><T_BHTT>1200.6</T_BHTT></CHI_TIET_THUOC>" +
        "</DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";

    private static string Xml3Of4210(string id) =>
        $"<DSACH_CHI_TIET_DVKT><CHI_TIET_DVKT><MA_LK>{id}</MA_LK><STT>1</STT><MA_DICH_VU>01.0001.1777</MA_DICH_VU><MA_NHOM>13</MA_NHOM><SO_LUONG>1</SO_LUONG><DON_GIA>38700,00</DON_GIA><THANH_TIEN>38700,00</THANH_TIEN><T_BHTT>34830,00</T_BHTT></CHI_TIET_DVKT>" +
        $"<CHI_TIET_DVKT><MA_LK>{id}</MA_LK><STT>2</STT><MA_VAT_TU>N03.02.070</MA_VAT_TU><MA_NHOM>10</MA_NHOM><SO_LUONG>2</SO_LUONG><DON_GIA>5000</DON_GIA><THANH_TIEN>10000</THANH_TIEN><T_BHTT>9000</T_BHTT></CHI_TIET_DVKT></DSACH_CHI_TIET_DVKT>";

    private (ClaimsXmlReader Reader, int Claims, List<ClaimDetail> Details) Read(string text, bool details)
    {
        var path = _folder.Write("d.xml", Encoding.UTF8.GetBytes(text));
        var lines = new List<ClaimDetail>();
        var reader = new ClaimsXmlReader(new CardPseudonymizer(new byte[32])) { Details = details ? lines.Add : null };
        reader.RowBound(path);
        var claims = reader.Read(path, () => new ClaimBatch()).Sum(b => b.Count);
        return (reader, claims, lines);
    }

    private static string Hoso(Xml1Claim claim, string xml2, string xml3, bool inline) =>
        $"<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>{ClaimXml.NoiDungFile(claim, inline ? Content.Inline : Content.Base64)}</NOIDUNGFILE></FILEHOSO>" +
        $"<FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>{(inline ? xml2 : Base64(xml2))}</NOIDUNGFILE></FILEHOSO>" +
        $"<FILEHOSO><LOAIHOSO>XML3</LOAIHOSO><NOIDUNGFILE>{(inline ? xml3 : Base64(xml3))}</NOIDUNGFILE></FILEHOSO>" +
        "<FILEHOSO><LOAIHOSO>XML4</LOAIHOSO><NOIDUNGFILE>bm90IHJlYWQ=</NOIDUNGFILE></FILEHOSO></HOSO>";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_with_a_detail_sink_streams_XML2_and_XML3_lines_of_both_standards(bool inline)
    {
        var (reader, claims, details) = Read(ClaimXml.Envelope([
            Hoso(new Xml1Claim("A1"), Xml2Of130("A1"), "<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT/></CHITIEU_CHITIET_DVKT_VTYT>", inline),
            Hoso(new Xml1Claim("B1", Qd130: false, VisitType: "1"), "<DSACH_CHI_TIET_THUOC/>", Xml3Of4210("B1"), inline)]), details: true);

        Assert.Empty(reader.Errors);
        Assert.Equal(2, claims);
        Assert.Equal([
            new ClaimDetail("XML2", "A1", 1, "4", "40.17", 20m, 500m, 10000m, 8000m, 10000m),
            new ClaimDetail("XML2", "A1", 2, "4", "40.88", 1.5m, 1000.50m, 1500.75m, 1200.6m),
            new ClaimDetail("XML3", "B1", 1, "13", "01.0001.1777", 1m, 38700m, 38700m, 34830m),
            new ClaimDetail("XML3", "B1", 2, "10", "N03.02.070", 2m, 5000m, 10000m, 9000m, IsSupply: true),
        ], details.Select(d => d with { Source = null }));
        Assert.Equal([(null, 1), (null, 1), (null, 2), (null, 2)], details.Select(d => (d.Source!.File, d.Source.Hoso)));
    }

    [Fact]
    public void Read_without_a_detail_sink_never_decodes_the_detail_tables()
    {
        var text = ClaimXml.Envelope([Hoso(new Xml1Claim("A1"), Xml2Of130("A1"), "", inline: false)
            .Replace(Base64(Xml2Of130("A1")), "%%% not base64 %%%")]);

        var (withoutSink, claims, _) = Read(text, details: false);
        var (withSink, _, _) = Read(text, details: true);

        Assert.Empty(withoutSink.Errors);
        Assert.Equal(1, claims);
        Assert.Equal("xml.base64", Assert.Single(withSink.Errors).Rule);
    }

    [Fact]
    public void Read_a_detail_number_that_is_not_a_number_is_an_error_naming_the_line_and_field()
    {
        var (reader, _, _) = Read(ClaimXml.Envelope([Hoso(new Xml1Claim("A1"), Xml2Of130("A1").Replace("<SO_LUONG>20</SO_LUONG>", "<SO_LUONG>hai mươi</SO_LUONG>"),
            Xml3Of4210("A1"), inline: true)]), details: true);

        var issue = Assert.Single(reader.Errors);
        Assert.Equal(("claim_detail.number", "HOSO 1, MA_LK A1, XML2 dòng STT 1, trường SO_LUONG"), (issue.Rule, issue.Location));
    }

    public void Dispose() => _folder.Dispose();
}
