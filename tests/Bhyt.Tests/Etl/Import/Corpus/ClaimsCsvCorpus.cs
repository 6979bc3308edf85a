using static Bhyt.Tests.Etl.Import.Corpus.CorpusBytes;

namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>Malformed CSV exports of the XML1 claims table (facilities 68001 and 68002 are known to the warehouse).</summary>
internal static class ClaimsCsvCorpus
{
    private const string Header = "MA_LK,MA_THE,HO_TEN,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";

    private static string Claim(string id, string name = "Nguyễn Văn A", string admitted = "202403010800", string total = "5200000", string insurer = "4680000",
        string days = "5") =>
        $"{id},GD4797932176423,{name},68001,3,{admitted},202403051000,{days},J18,{total},{insurer},520000,1500000,300000,68";

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static Action<string> Text(string text) => path => File.WriteAllBytes(path, Utf8(text));

    private static Action<string> Bytes(byte[] bytes) => path => File.WriteAllBytes(path, bytes);

    public static IEnumerable<MalformedCase> Cases =>
    [
        new("claims_utf8_bom.csv", "UTF-8 with BOM", Bytes(Utf8Bom(Lines(Header, Claim("B1"), Claim("B2")))), Outcome.Loaded, Loaded: 2),
        new("claims_utf16_bom.csv", "UTF-16 LE with BOM", Bytes(Utf16(Lines(Header, Claim("U1"), Claim("U2")))), Outcome.Loaded, Loaded: 2),
        new("claims_windows1258.csv", "Windows-1258 names", Bytes(Windows1258(Lines(Header, Claim("W1", "Trần Thị Ngọc Ánh"), Claim("W2", "Lê Văn Đức")))),
            Outcome.Loaded, Loaded: 2),
        new("claims_mixed_encoding.csv", "UTF-8 with one row in Windows-1258", Bytes([.. Utf8(Lines(Header, Claim("M1", "Trần Thị Ngọc Ánh"))),
            .. Windows1258(Lines(Claim("M2", "Lê Văn Đức")))]), Outcome.Rejected, "encoding.undecided"),
        new("claims_semicolon.csv", "semicolon delimiters", Text(Lines(Header.Replace(',', ';'), Claim("S1").Replace(',', ';'))), Outcome.Loaded, Loaded: 1),
        new("claims_mixed_delimiters.csv", "comma header, a row with semicolons", Text(Lines(Header, Claim("D1"), Claim("D2").Replace(',', ';'))),
            Outcome.Rejected, "csv.fields", "dòng 3"),
        new("claims_quoted_newline.csv", "a name quoted over two lines", Text(Lines(Header, Claim("Q1", "\"Nguyễn\nVăn A\""), Claim("Q2"))), Outcome.Loaded, Loaded: 2),
        new("claims_ragged_short.csv", "a row cut after the dates", Text(Lines(Header, Claim("R1"), "R2,GD4797932176423,Nguyễn Văn B,68001,3,202403010800")),
            Outcome.Rejected, "csv.fields", "dòng 3"),
        new("claims_ragged_long.csv", "an unquoted name with a comma", Text(Lines(Header, Claim("L1", "Nguyễn, Văn A"), Claim("L2"))),
            Outcome.Rejected, "csv.fields", "dòng 2"),
        new("claims_duplicate_header.csv", "T_TONGCHI twice", Text(Lines(Header + ",T_TONGCHI", Claim("H1") + ",9999999")),
            Outcome.Rejected, "csv.header_duplicate", "dòng 1, cột T_TONGCHI"),
        new("claims_missing_card_column.csv", "no MA_THE column", Text(Lines(Header.Replace("MA_THE,", ""), Claim("N1").Replace("GD4797932176423,", ""))),
            Outcome.Rejected, "csv.header", "dòng 1"),
        new("claims_huge_line.csv", "a 3 MB name between two good rows", path => File.WriteAllBytes(path, Utf8(Lines(Header, Claim("G1"),
            Claim("G2", new string('A', 3 << 20)), Claim("G3")))), Outcome.Rejected, "csv.record_too_long", "dòng 3"),
        new("claims_binary_rows.csv", "a header, then binary junk", Bytes([.. Utf8(Lines(Header)), .. Junk(4096, 21)]), Outcome.Rejected),
        new("claims_truncated.csv", "cut in the middle of the last row", Bytes(Utf8(Lines(Header, Claim("T1"), Claim("T2")).TrimEnd()[..^40])),
            Outcome.Rejected, "csv.fields", "dòng 3"),
        new("claims_date_31_02.csv", "admitted on 31/02", Text(Lines(Header, Claim("F1", admitted: "202402310800"))), Outcome.Rejected, null, "dòng 2, cột NGAY_VAO"),
        new("claims_money_1.2.3.csv", "a total of 1.2.3", Text(Lines(Header, Claim("C1", total: "1.2.3"))), Outcome.Rejected, "claim.money", "dòng 2, cột T_TONGCHI"),
        new("claims_negative_total.csv", "a negative total", Text(Lines(Header, Claim("C2", total: "-5200000", insurer: "0"))), Outcome.Rejected, null, "dòng 2, cột T_TONGCHI"),
        new("claims_negative_days.csv", "minus three treatment days", Text(Lines(Header, Claim("C3", days: "-3"))), Outcome.Rejected, null, "dòng 2, cột SO_NGAY_DTRI"),
        new("claims_zip_renamed.csv", "a zip of XML renamed .csv", Bytes(Zip(("a.xml", Utf8("<GIAMDINHHS/>")))), Outcome.Refused, "input.format"),
    ];
}
