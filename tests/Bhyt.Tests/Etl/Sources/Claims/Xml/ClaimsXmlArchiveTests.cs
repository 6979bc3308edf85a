using System.IO.Compression;
using System.Text;
using Bhyt.Etl.Sources.Claims.Xml;
using static Bhyt.Tests.Etl.Sources.Claims.Xml.ClaimsXmlReaderTests;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

public sealed class ClaimsXmlArchiveTests : IDisposable
{
    private static readonly Content[] Shapes = Enum.GetValues<Content>();
    private readonly TempFolder _folder = new();

    /// <summary>One-claim files in every shape, one envelope each, some bare TONG_HOP, both standards.</summary>
    private static IEnumerable<(string Name, string Text)> OneClaimFiles(int count) => Enumerable.Range(1, count).Select(i =>
    {
        var claim = new Xml1Claim($"Z{i:00000}", Qd130: i % 3 != 0, VisitType: i % 3 != 0 ? "02" : "2", Total: i % 3 != 0 ? $"{i}.50" : $"{i},50",
            Insurer: null, CoPay: null, Drugs: null, Supplies: null);
        return ($"2024/03/{i:00000}.xml", i % 7 == 0 ? claim.Xml() : ClaimXml.Envelope([ClaimXml.Hoso(claim, Shapes[i % Shapes.Length])]));
    });

    [Fact]
    public void Read_a_zip_of_thousands_of_one_claim_files_reads_every_claim()
    {
        var path = _folder.Write("lo.zip", ClaimXml.Zip(OneClaimFiles(3000).Append(("doc/readme.txt", "không phải hồ sơ"))));

        var (reader, rows) = Read(path);

        Assert.Empty(reader.Errors);
        Assert.Empty(reader.Rejections);
        Assert.Equal((3000, 3000, 1), (rows.Count, reader.FilesRead, reader.EntriesSkipped));
        Assert.Equal(Enumerable.Range(1, 3000).Sum(i => i + 0.5m), rows.Sum(r => r.Total));
        Assert.All(rows, r => Assert.Equal("outpatient", r.VisitType));
    }

    [Fact]
    public void Read_a_zip_goes_on_past_rejected_files_and_names_every_rejection()
    {
        var files = OneClaimFiles(200).ToList();
        files[9] = ("2024/03/bad-date.xml", ClaimXml.Envelope(new Xml1Claim("BAD1", Admitted: "08042026")));
        files[99] = ("2024/03/cut.xml", files[99].Text[..(files[99].Text.Length / 2)]);
        files[149] = ("2024/03/batch.xml", ClaimXml.Envelope(Enumerable.Range(1, 5000).Select(i => new Xml1Claim($"B{i}", Total: i == 4999 ? "x" : "100", Insurer: null, CoPay: null, Drugs: null, Supplies: null)).ToArray()));
        var path = _folder.Write("lo.zip", ClaimXml.Zip(files));

        var (reader, rows) = Read(path);

        Assert.Empty(reader.Errors);
        Assert.Equal((197, 200, 3), (rows.Count, reader.FilesRead, reader.FilesRejected));
        Assert.Equal(1 + 1 + 5000, reader.ClaimsRejected);
        Assert.DoesNotContain(rows, r => r.ClaimId.StartsWith('B') || r.ClaimId == "BAD1");
        Assert.Contains(reader.Rejections, i => i is { Rule: "claim.date", Location: "tệp 2024/03/bad-date.xml, HOSO 1, MA_LK BAD1, trường NGAY_VAO" });
        Assert.Contains(reader.Rejections, i => i.Rule == "xml.malformed" && i.Location.StartsWith("tệp 2024/03/cut.xml, "));
        Assert.Contains(reader.Rejections, i => i is { Rule: "claim.money", Location: "tệp 2024/03/batch.xml, HOSO 4999, MA_LK B4999, trường T_TONGCHI_BH" });
    }

    [Fact]
    public void Read_a_zip_bomb_is_refused_whole_before_any_claim()
    {
        var bomb = ClaimXml.Envelope(new Xml1Claim("A1")).Replace("<CHUKYDONVI/>", "<CHUKYDONVI>" + new string(' ', 8 << 20) + "</CHUKYDONVI>");
        var path = _folder.Write("bomb.zip", ClaimXml.Zip([("a.xml", ClaimXml.Envelope(new Xml1Claim("A0"))), ("b.xml", bomb)]));

        var (reader, rows) = Read(path, new ClaimArchiveLimits(MaxRatio: 100, RatioFloorBytes: 1 << 20));

        Assert.Empty(rows);
        var issue = Assert.Single(reader.Errors);
        Assert.Equal(("zip.refused", "tệp b.xml"), (issue.Rule, issue.Location));
        Assert.Contains("zip bomb", issue.Message);
    }

    [Fact]
    public void Read_a_zip_beyond_the_entry_or_size_limits_is_refused()
    {
        var path = _folder.Write("many.zip", ClaimXml.Zip(OneClaimFiles(20)));

        var (tooMany, _) = Read(path, new ClaimArchiveLimits(MaxEntries: 10));
        var (tooLarge, rows) = Read(path, new ClaimArchiveLimits(MaxTotalBytes: 10_000));

        Assert.Equal("zip.refused", Assert.Single(tooMany.Errors).Rule);
        Assert.Equal("zip.refused", Assert.Single(tooLarge.Errors).Rule);
        Assert.Empty(rows);
    }

    [Fact]
    public void Read_an_entry_inflating_past_its_declared_size_is_cut_there_and_rejected()
    {
        var bytes = ClaimXml.Zip([("a.xml", ClaimXml.Envelope(new Xml1Claim("A0")))]);
        // Forge the uncompressed size in the local header and the central directory: 100 bytes declared.
        Forge(bytes, "PK\u0003\u0004"u8, 22);
        Forge(bytes, "PK\u0001\u0002"u8, 24);
        var (reader, rows) = Read(_folder.Write("forged.zip", bytes));

        Assert.Empty(rows);
        Assert.Empty(reader.Errors);
        Assert.Equal(("xml.malformed", 1), (Assert.Single(reader.Rejections).Rule, reader.FilesRejected));
    }

    private static void Forge(byte[] zip, ReadOnlySpan<byte> signature, int sizeOffset)
    {
        var at = zip.AsSpan().IndexOf(signature);
        BitConverter.TryWriteBytes(zip.AsSpan(at + sizeOffset, 4), 100);
    }

    [Fact]
    public void LooksLikeClaimsXml_recognises_envelopes_bare_summaries_broken_claims_files_and_zips_of_them_only()
    {
        string W(string name, string text) => _folder.Write(name, Encoding.UTF8.GetBytes(text));

        Assert.True(ClaimsXmlReader.LooksLikeClaimsXml(_folder.Write("bom.xml", ClaimXml.WithBom(ClaimXml.Envelope(new Xml1Claim())))));
        Assert.True(ClaimsXmlReader.LooksLikeClaimsXml(W("bare.xml", new Xml1Claim().Xml())));
        Assert.True(ClaimsXmlReader.LooksLikeClaimsXml(W("broken.xml", "<?xml version=\"1.0\"?>\n<!-- x --><GIAMDINHHS><<<")));
        Assert.True(ClaimsXmlReader.LooksLikeClaimsXml(_folder.Write("z.zip", ClaimXml.Zip(OneClaimFiles(2)))));
        Assert.False(ClaimsXmlReader.LooksLikeClaimsXml(W("other.xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")));
        Assert.False(ClaimsXmlReader.LooksLikeClaimsXml(_folder.Write("docs.zip", ClaimXml.Zip([("a.txt", "x")]))));
        // A damaged .zip is the claims kind's (no other kind reads .zip), so that its reader rejects it saying why.
        Assert.True(ClaimsXmlReader.LooksLikeClaimsXml(W("fake.zip", "not a zip")));
    }

    public void Dispose() => _folder.Dispose();
}
