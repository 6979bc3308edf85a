using System.Text;
using Bhyt.Tests.Etl.Sources.Claims.Xml;
using static Bhyt.Tests.Etl.Import.Corpus.CorpusBytes;

namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>Malformed claims XML (GIAMDINHHS envelopes, bare TONG_HOP) and .zip archives of them.</summary>
internal static class ClaimsXmlCorpus
{
    private static string Envelope(params Xml1Claim[] claims) => ClaimXml.Envelope(claims);

    private static Action<string> Text(string text) => path => File.WriteAllBytes(path, Utf8(text));

    private static Action<string> Bytes(byte[] bytes) => path => File.WriteAllBytes(path, bytes);

    /// <summary>A HOSO whose XML1 lies under <paramref name="depth"/> nested elements inside THONGTINDONVI.</summary>
    private static string DeeplyNested(int depth)
    {
        var envelope = Envelope(new Xml1Claim("X1"));
        var nesting = string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));
        return envelope.Replace("<MACSKCB>68001</MACSKCB>", "<MACSKCB>68001</MACSKCB>" + nesting);
    }

    /// <summary>An inline XML1 with <paramref name="depth"/> nested elements among its fields.</summary>
    private static string NestedInClaim(int depth)
    {
        var nesting = string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));
        var claim = new Xml1Claim("X2");
        return ClaimXml.Envelope([ClaimXml.Hoso(claim, Content.Inline, withXml2: false).Replace("<MA_LK>X2</MA_LK>", "<MA_LK>X2</MA_LK>" + nesting)]);
    }

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE GIAMDINHHS [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
        <GIAMDINHHS><THONGTINDONVI><MACSKCB>&f;</MACSKCB></THONGTINDONVI></GIAMDINHHS>
        """;

    public static IEnumerable<MalformedCase> Cases =>
    [
        new("xml_utf8_bom.xml", "UTF-8 with BOM", Bytes(ClaimXml.WithBom(Envelope(new Xml1Claim("B1"), new Xml1Claim("B2")))), Outcome.Loaded, Loaded: 2),
        new("xml_utf16_bom.xml", "UTF-16 with BOM, declared utf-16", Bytes(Utf16(Envelope(new Xml1Claim("U1")).Replace("utf-8", "utf-16"))), Outcome.Loaded, Loaded: 1),
        new("xml_declared_1258_is_utf8.xml", "declares windows-1258, holds UTF-8 (names only)", Text(Envelope(new Xml1Claim("E1")).Replace("utf-8", "windows-1258")),
            Outcome.Loaded, Loaded: 1),
        new("xml_truncated.xml", "cut 40 characters before its end", Text(Envelope(new Xml1Claim("T1"), new Xml1Claim("T2"))[..^40]),
            Outcome.Rejected, "xml.malformed", "HOSO 2"),
        new("xml_truncated_early.xml", "cut inside the first HOSO's base64", Text(Envelope(new Xml1Claim("T3"))[..400]), Outcome.Rejected, "xml.base64", "HOSO 1"),
        new("xml_deeply_nested.xml", "100 000 nested elements in THONGTINDONVI (streamed past: no claim in them)", Text(DeeplyNested(100_000)), Outcome.Loaded, Loaded: 1),
        new("xml_deeply_nested_in_claim.xml", "100 000 nested elements among the fields of an inline TONG_HOP (streamed past)", Text(NestedInClaim(100_000)), Outcome.Loaded, Loaded: 1),
        new("xml_entity_expansion.xml", "a DTD whose entities expand a millionfold", Text(BillionLaughs), Outcome.Rejected, "xml.malformed"),
        new("xml_binary_junk.xml", "binary junk", Bytes(Junk(4096, 31)), Outcome.Refused, "input.format"),
        new("xml_zero_bytes.xml", "an empty file", Bytes([]), Outcome.Refused, "input.format"),
        new("xml_date_31_02.xml", "admitted on 31/02", Text(Envelope(new Xml1Claim("F1", Admitted: "202402310800"))), Outcome.Rejected, null, "HOSO 1, MA_LK F1, trường NGAY_VAO"),
        new("xml_money_1.2.3.xml", "a total of 1.2.3", Text(Envelope(new Xml1Claim("C1", Total: "1.2.3", Hospital: "5200000"))), Outcome.Rejected, null, "HOSO 1, MA_LK C1, trường T_TONGCHI_BH"),
        new("xml_negative_insurer.xml", "insurer paid minus 4 680 000", Text(Envelope(new Xml1Claim("C2", Insurer: "-4680000"))), Outcome.Rejected, null, "HOSO 1, MA_LK C2, trường T_BHTT"),
        new("xml_huge_text.xml", "a 3 MB patient name", Text(Envelope(new Xml1Claim("H1", Name: new string('A', 3 << 20)), new Xml1Claim("H2"))), Outcome.Loaded, Loaded: 2),
        new("xml_zip_truncated.zip", "a .zip cut in half", Bytes(Truncated(Zip(("a.xml", Utf8(Envelope(new Xml1Claim("Z1")))), ("b.xml", Junk(20000, 5))), 0.5)),
            Outcome.Rejected, "zip.refused"),
        new("xml_zip_not_a_zip.zip", "an XML file renamed .zip", Text(Envelope(new Xml1Claim("Z2"))), Outcome.Rejected, "zip.refused"),
        new("xml_zip_bomb.zip", "one entry inflating 40 MB of spaces from a few KB", Bytes(ZipBomb("bomb.xml", ClaimXml.Declaration + "<GIAMDINHHS>", 40, "</GIAMDINHHS>")),
            Outcome.Rejected, "zip.refused"),
        new("xml_zip_with_junk_entry.zip", "a good file and a junk .xml in one zip", Bytes(Zip(("good.xml", Utf8(Envelope(new Xml1Claim("Z3")))), ("junk.xml", Junk(3000, 7)))),
            Outcome.Loaded, Loaded: 1),
    ];
}
