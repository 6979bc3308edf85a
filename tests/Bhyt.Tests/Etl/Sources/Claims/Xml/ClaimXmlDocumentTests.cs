using System.Text;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Etl.Sources.Claims.Xml;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary>
/// The envelope is walked on one thread while others parse the decoded documents: what the reader hands on — rows and
/// their source rows, detail lines, errors with their place — must be what a sequential read gives. Inline content is
/// read sequentially, so the same HOSO inline is the reference for base64.
/// </summary>
public sealed class ClaimXmlDocumentTests : IDisposable
{
    private static readonly CardPseudonymizer Pseudonymizer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly TempFolder _folder = new();

    private sealed record Outcome(List<(int SourceRow, string ClaimId, string Card, decimal Total)> Rows, List<ClaimDetail> Details,
        List<(string Rule, string? Location, string Message)> Errors, int ErrorCount, List<(string? File, int? Hoso)> Sources);

    private Outcome Read(string text)
    {
        var path = _folder.Write($"f{Guid.NewGuid():N}.xml", Encoding.UTF8.GetBytes(text));
        var details = new List<ClaimDetail>();
        // A line's source is compared by what it says (file, HOSO), not by which object says it.
        var sources = new List<(string?, int?)>();
        var reader = new ClaimsXmlReader(Pseudonymizer)
        {
            Details = d =>
            {
                details.Add(d with { Source = null });
                sources.Add((d.Source?.File, d.Source?.Hoso));
            },
        };
        reader.RowBound(path);
        var rows = new List<(int, string, string, decimal)>();
        foreach (var batch in reader.Read(path, () => new ClaimBatch()))
            for (var i = 0; i < batch.Count; i++)
            {
                var r = batch.Rows[i];
                rows.Add((r.SourceRow, Encoding.UTF8.GetString(batch.Text(r.ClaimId)), Encoding.UTF8.GetString(batch.Text(r.CardPseudonym)), r.TotalCost));
            }
        return new Outcome(rows, details, reader.Errors.Select(e => (e.Rule, (string?)e.Location, e.Message)).ToList(), reader.ErrorCount, sources);
    }

    private static string Base64(string xml) => Convert.ToBase64String(Encoding.UTF8.GetBytes(xml));

    private static string Xml2(string id, int hoso) =>
        "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC>" +
        $"<CHI_TIET_THUOC><MA_LK>{id}</MA_LK><STT>1</STT><MA_THUOC>40.{hoso}</MA_THUOC><MA_NHOM>4</MA_NHOM><SO_LUONG>{(hoso % 41 == 0 ? "hai" : "2")}</SO_LUONG><DON_GIA>500</DON_GIA><THANH_TIEN_BV>1000</THANH_TIEN_BV><T_BHTT>800</T_BHTT></CHI_TIET_THUOC>" +
        $"<CHI_TIET_THUOC><STT>2</STT><MA_THUOC>40.{hoso + 1}</MA_THUOC><MA_NHOM>4</MA_NHOM><SO_LUONG>1,5</SO_LUONG><DON_GIA>100</DON_GIA><THANH_TIEN_BV>150</THANH_TIEN_BV></CHI_TIET_THUOC>" +
        "</DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";

    private static string Xml3(string id, int lines) =>
        "<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT>" +
        string.Concat(Enumerable.Range(1, lines).Select(l =>
            $"<CHI_TIET_DVKT><MA_LK>{id}</MA_LK><STT>{l}</STT><MA_DICH_VU>01.{l:D4}</MA_DICH_VU><MA_NHOM>13</MA_NHOM><TEN_DICH_VU>Khám bệnh lần {l}</TEN_DICH_VU><SO_LUONG>1</SO_LUONG><DON_GIA>38700</DON_GIA><THANH_TIEN_BV>38700</THANH_TIEN_BV><T_BHTT>34830</T_BHTT></CHI_TIET_DVKT>")) +
        "</DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>";

    private static string File(string type, string xml, bool inline) =>
        $"<FILEHOSO><LOAIHOSO>{type}</LOAIHOSO><NOIDUNGFILE>{(inline ? xml : Base64(xml))}</NOIDUNGFILE></FILEHOSO>";

    /// <summary>HOSO of both standards, some with a missing card, a date of 8 digits, a detail number that is not one, XML2 before XML1.</summary>
    private static string Hoso(int n, bool inline)
    {
        var id = $"LK{n:D5}";
        var claim = new Xml1Claim(id, Card: n % 37 == 0 ? null : $"GD4{n:D12}", Admitted: n % 53 == 0 ? "01032024" : "202403010800",
            Total: $"{5_000_000 + n}.50", Qd130: n % 3 != 0, VisitType: n % 3 != 0 ? "03" : "3");
        var xml1 = File("XML1", claim.Xml(), inline);
        var xml2 = File("XML2", Xml2(id, n), inline);
        return "<HOSO>" + (n % 29 == 0 ? xml2 + xml1 : xml1 + xml2) + File("XML3", Xml3(id, 1 + n % 4), inline) + "</HOSO>";
    }

    [Fact]
    public void Read_an_envelope_of_many_base64_HOSO_gives_the_rows_details_and_errors_of_the_same_envelope_inline()
    {
        var hosos = Enumerable.Range(1, 700).ToList();

        var base64 = Read(ClaimXml.Envelope(hosos.Select(n => Hoso(n, inline: false)).ToList()));
        var inline = Read(ClaimXml.Envelope(hosos.Select(n => Hoso(n, inline: true)).ToList()));

        Assert.Equal(700 - 700 / 37 - 700 / 53 + 700 / (37 * 53), inline.Rows.Count);
        Assert.Contains(inline.Errors, e => e.Rule == "claim_detail.number");
        // A line without MA_LK belongs to the claim read before it in its HOSO: none yet where XML2 comes first.
        Assert.Contains(inline.Details, d => d is { Table: "XML2", Line: 2, ClaimId: "LK00028" });
        Assert.Contains(inline.Details, d => d is { Table: "XML2", Line: 2, ClaimId: "", Code: "40.30" });
        Assert.Equal(inline.Rows, base64.Rows);
        Assert.Equal(inline.Details, base64.Details);
        Assert.Equal(inline.Sources, base64.Sources);
        Assert.Equal(inline.Errors, base64.Errors);
        Assert.Equal(inline.ErrorCount, base64.ErrorCount);
    }

    [Fact]
    public void Read_a_NOIDUNGFILE_over_the_buffer_limit_is_streamed_in_its_place()
    {
        var lines = ClaimXmlDocument.BufferedContentLimit / 250 + 1000;
        var large = Xml3("LK00002", lines);
        Assert.True(Encoding.UTF8.GetByteCount(large) > ClaimXmlDocument.BufferedContentLimit);
        var hosos = new List<string> { Hoso(1, inline: false), $"<HOSO>{File("XML1", new Xml1Claim("LK00002").Xml(), inline: false)}{File("XML3", large, inline: false)}</HOSO>" };
        hosos.AddRange(Enumerable.Range(3, 100).Select(n => Hoso(n, inline: false)));

        var read = Read(ClaimXml.Envelope(hosos));
        var inline = Read(ClaimXml.Envelope(hosos.Take(1).Append($"<HOSO>{File("XML1", new Xml1Claim("LK00002").Xml(), inline: true)}{File("XML3", large, inline: true)}</HOSO>")
            .Concat(Enumerable.Range(3, 100).Select(n => Hoso(n, inline: true))).ToList()));

        Assert.Equal(Enumerable.Range(1, lines).Select(l => (int?)l), read.Details.Where(d => d.ClaimId == "LK00002").Select(d => d.Line));
        Assert.Equal(inline.Details, read.Details);
        Assert.Equal(inline.Sources, read.Sources);
        Assert.Equal(inline.Rows, read.Rows);
        Assert.Equal(inline.Errors, read.Errors);
    }

    [Fact]
    public void Read_base64_that_fails_after_many_HOSO_keeps_the_errors_before_it_in_order_and_reads_no_further()
    {
        var hosos = Enumerable.Range(1, 120).Select(n => Hoso(n, inline: false)).ToList();
        hosos[99] = "<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>" + Base64(new Xml1Claim("LK00100").Xml()[..300]) + "*%$#</NOIDUNGFILE></FILEHOSO></HOSO>";

        var read = Read(ClaimXml.Envelope(hosos));

        var expected = Enumerable.Range(1, 99).Where(n => n % 37 == 0 || n % 53 == 0 || n % 41 == 0).Select(n => $"HOSO {n}").Append("HOSO 100").ToList();
        Assert.Equal(expected, read.Errors.Select(e => e.Location![..e.Location!.IndexOf(',')]).Distinct());
        Assert.Equal(("xml.base64", "HOSO 100, trường NOIDUNGFILE"), (read.Errors[^1].Rule, read.Errors[^1].Location));
    }

    public void Dispose() => _folder.Dispose();
}
