using System.Text;
using Bhyt.Etl.Generation;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

/// <summary>
/// The span scanner's walk of GIAMDINHHS envelopes against XmlReader's on the same bytes: where it gives up part way (a
/// fault, or something it does not reproduce), the HOSO it applied stay and XmlReader reads on from there — the claims,
/// detail lines, errors (with line and column) and warnings must still be exactly XmlReader's. Each case also says whether
/// the scanner reads the envelope to its end or gives up.
/// </summary>
public sealed class FastEnvelopeWalkerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly Content[] Shapes =
        [Content.Base64, Content.Base64Wrapped, Content.Base64WithBomAndDeclaration, Content.Base64WithCrLfAndDeclaration, Content.Inline, Content.InlineWithNamespaces];

    /// <summary>Sixty HOSO of every shape the scanner reads (over 64 KB, so that it applies HOSO before a fault late in the file).</summary>
    private static List<string> Hosos() =>
        [.. Enumerable.Range(1, 60).Select(i => ClaimXml.Hoso(new Xml1Claim($"LK{i:000}", Name: $"Nguyễn Văn {i} & {new string('x', 2000)}"), Shapes[i % Shapes.Length]))];

    private static string With(int hoso, Func<string, string> change)
    {
        var hosos = Hosos();
        hosos[hoso - 1] = change(hosos[hoso - 1]);
        return ClaimXml.Envelope(hosos);
    }

    private static string Inline(int hoso, string claimXml) => With(hoso, _ =>
        $"<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>{claimXml}</NOIDUNGFILE></FILEHOSO></HOSO>");

    public static TheoryData<string, bool> Cases => new()
    {
        { "clean", true },
        { "comments, PIs and unknown elements around", true },
        { "a HOSO under THONGTINDONVI", true },
        { "SOLUONGHOSO wrong", true },
        { "no XML1 in a HOSO", true },
        { "mismatched tag late", false },
        { "invalid byte late", false },
        { "bad base64 late", false },
        { "base64 not padded late", false },
        { "inline kept field with a comment late", false },
        { "inline field with a child late", false },
        { "inline with CR in a kept field", false },
        { "CDATA content late", false },
        { "empty NOIDUNGFILE late", false },
        { "entity in LOAIHOSO", false },
        { "cut short", false },
        { "junk after the root", false },
        { "xsi:nil inline, declared on the envelope", true },
        { "a prefix used out of its scope inline", false },
        { "cut inside a multi-byte character", false },
        { "a content over the first window", true },
        { "DOCTYPE", false },
        { "windows-1258", false },
        { "bare TONG_HOP", false },
    };

    private static byte[] Bytes(string name) => name switch
    {
        "clean" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos())),
        "comments, PIs and unknown elements around" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos()).Replace("<HOSO>", "<!-- hồ sơ --><?pi x?><HOSO><GHICHU a=\"1\">x &amp; y<Z/></GHICHU>")),
        "a HOSO under THONGTINDONVI" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos()).Replace("</MACSKCB>", "</MACSKCB>" + ClaimXml.Hoso(new Xml1Claim("T1"), Content.Base64))),
        "SOLUONGHOSO wrong" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos(), declaredCount: " 61 ")),
        "no XML1 in a HOSO" => Encoding.UTF8.GetBytes(With(30, h => h.Replace("<LOAIHOSO>XML1</LOAIHOSO>", "<LOAIHOSO>XML9</LOAIHOSO>"))),
        "mismatched tag late" => Encoding.UTF8.GetBytes(With(55, h => h.Replace("</FILEHOSO>", "</FILEHOSOX>"))),
        "invalid byte late" => Invalid(With(55, h => h.Replace("<HOSO>", "<HOSO><X>\u00FF</X>"))),
        "bad base64 late" => Encoding.UTF8.GetBytes(With(55, _ => ClaimXml.Hoso(new Xml1Claim("B1"), Content.Base64).Replace("<NOIDUNGFILE>", "<NOIDUNGFILE>@@"))),
        "base64 not padded late" => Encoding.UTF8.GetBytes(With(55, _ => "<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>PFRPTkdfSE9QPjwvVE9OR19IT1A+PA</NOIDUNGFILE></FILEHOSO></HOSO>")),
        "inline kept field with a comment late" => Encoding.UTF8.GetBytes(Inline(55, new Xml1Claim("C1").Xml().Replace("<MA_LK>C1", "<MA_LK>C<!-- x -->1"))),
        "inline field with a child late" => Encoding.UTF8.GetBytes(Inline(55, new Xml1Claim("C2").Xml().Replace("<MA_LK>C2", "<MA_LK>C<B/>2"))),
        "inline with CR in a kept field" => Encoding.UTF8.GetBytes(Inline(20, new Xml1Claim("C3").Xml().Replace("<MA_LK>C3", "<MA_LK>C\r\n3"))),
        "CDATA content late" => Encoding.UTF8.GetBytes(With(55, _ => ClaimXml.Hoso(new Xml1Claim("D1"), Content.CData))),
        "empty NOIDUNGFILE late" => Encoding.UTF8.GetBytes(With(55, _ => "<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE/></FILEHOSO></HOSO>")),
        "entity in LOAIHOSO" => Encoding.UTF8.GetBytes(With(40, h => h.Replace("<LOAIHOSO>XML1</LOAIHOSO>", "<LOAIHOSO>XML&#49;</LOAIHOSO>"))),
        "cut short" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos())[..^200]),
        "junk after the root" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos()) + "rác"),
        "xsi:nil inline, declared on the envelope" => Encoding.UTF8.GetBytes(Inline(30, new Xml1Claim("N1").Xml().Replace("<T_VTYT>300000</T_VTYT>", "<T_VTYT xsi:nil=\"true\"/>"))),
        "a prefix used out of its scope inline" => Encoding.UTF8.GetBytes(Inline(30, new Xml1Claim("N2").Xml().Replace("<TONG_HOP>", "<TONG_HOP xmlns:p=\"urn:p\">") + "<p:X/>")),
        "cut inside a multi-byte character" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos()).Replace("</GIAMDINHHS>", "<X>ạ</X></GIAMDINHHS>"))[..^(Encoding.UTF8.GetByteCount("</X></GIAMDINHHS>") + 1)],
        "a content over the first window" => Encoding.UTF8.GetBytes(With(3, _ => ClaimXml.Hoso(new Xml1Claim("W1", Name: new string('W', 1_500_000)), Content.Base64))),
        "DOCTYPE" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos()).Replace("\r\n<GIAMDINHHS", "\r\n<!DOCTYPE GIAMDINHHS>\r\n<GIAMDINHHS")),
        "windows-1258" => Encoding.UTF8.GetBytes(ClaimXml.Envelope(Hosos()).Replace("utf-8", "windows-1258")),
        "bare TONG_HOP" => Encoding.UTF8.GetBytes(new Xml1Claim("S1").Xml()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    // U+00FF written as the single byte 0xFF: not UTF-8.
    private static byte[] Invalid(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = bytes.AsSpan().IndexOf("\u00FF"u8);
        return [.. bytes[..at], 0xFF, .. bytes[(at + 2)..]];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_gives_what_XmlReader_gives(string name, bool scannedToTheEnd)
    {
        var path = _folder.Write("envelope.xml", Bytes(name));

        foreach (var details in new[] { true, false })
        {
            var fast = ReaderOutcome.Of(path, fast: true, details, out var envelopes);
            Assert.Equal(ReaderOutcome.Of(path, fast: false, details), fast);
            if (name == "bare TONG_HOP" || name == "DOCTYPE" || name == "windows-1258") Assert.Equal((0, 0), envelopes);
            else Assert.Equal(scannedToTheEnd ? (1, 0) : (0, 1), envelopes);
        }
    }

    [Fact]
    public void Read_of_a_zip_of_the_cases_gives_what_XmlReader_gives()
    {
        var path = _folder.Write("cases.zip", ClaimXml.Zip(Cases.Select(c => c.Data.Item1).Where(n => n is not ("invalid byte late" or "cut inside a multi-byte character")).Select(n => (n + ".xml", Encoding.UTF8.GetString(Bytes(n))))));

        Assert.Equal(ReaderOutcome.Of(path, fast: false, details: true), ReaderOutcome.Of(path, fast: true, details: true, out var envelopes));
        Assert.True(envelopes.Scanned > 0 && envelopes.Reread > 0);
    }

    [Fact]
    public void Read_of_generated_batches_is_the_scanner_s_to_their_end()
    {
        SyntheticDataGenerator.Run(new GenerationOptions(_folder.Path, "province", 2021, 2024, 400, 23, Format: GenerationOptions.Xml, ClaimsPerFile: 200), TextWriter.Null);
        var batches = Directory.GetFiles(_folder.Path, "giamdinh-*.xml");
        Assert.NotEmpty(batches);

        foreach (var batch in batches)
        {
            Assert.Equal(ReaderOutcome.Of(batch, fast: false, details: true), ReaderOutcome.Of(batch, fast: true, details: true, out var envelopes));
            Assert.Equal((1, 0), envelopes);
        }
    }
}
