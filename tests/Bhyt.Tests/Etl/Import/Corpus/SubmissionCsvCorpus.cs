using static Bhyt.Tests.Etl.Import.Corpus.CorpusBytes;

namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>Malformed submission CSVs (interfaces.md's long form), as other software and hands write them.</summary>
internal static class SubmissionCsvCorpus
{
    private const string Header = "unit_code,unit_name,period,indicator,value,value_kind";
    private const string Participants = "672,Thành phố Đà Lạt,2021,cov_participants,215.000,actual";
    private const string Visits = "672,Thành phố Đà Lạt,2021,kcb_visits,12.340,actual";

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static Action<string> Text(string text) => path => File.WriteAllBytes(path, Utf8(text));

    private static Action<string> Bytes(byte[] bytes) => path => File.WriteAllBytes(path, bytes);

    public static IEnumerable<MalformedCase> Cases =>
    [
        new("sub_utf8_bom.csv", "UTF-8 with BOM", Bytes(Utf8Bom(Lines(Header, Participants, Visits))), Outcome.Loaded, Loaded: 2),
        new("sub_utf16le_bom.csv", "UTF-16 LE with BOM (Excel 'Unicode text')", Bytes(Utf16(Lines(Header, Participants, Visits))), Outcome.Loaded, Loaded: 2),
        new("sub_utf16be_bom.csv", "UTF-16 BE with BOM", Bytes(Utf16(Lines(Header, Participants, Visits), bigEndian: true)), Outcome.Loaded, Loaded: 2),
        new("sub_windows1258.csv", "Windows-1258 unit names", Bytes(Windows1258(Lines(Header, ",Thành phố Đà Lạt,2021,cov_participants,215.000,actual",
            ",Thành phố Đà Lạt,2021,kcb_visits,12.340,actual"))), Outcome.Loaded, Loaded: 2),
        new("sub_mixed_encoding.csv", "UTF-8 with one row pasted in Windows-1258", Bytes([.. Utf8(Lines(Header, ",Thành phố Đà Lạt,2021,cov_participants,215.000,actual")),
            .. Windows1258(Lines(",Thành phố Đà Lạt,2021,kcb_visits,12.340,actual"))]), Outcome.Rejected, "encoding.undecided"),
        new("sub_semicolon.csv", "semicolon delimiters, decimal commas", Text(Lines(Header.Replace(',', ';'), "672;Thành phố Đà Lạt;2021;cov_rate;92,4;actual")),
            Outcome.Loaded, Loaded: 1),
        new("sub_mixed_delimiters.csv", "comma header, one row with semicolons", Text(Lines(Header, Participants, Visits.Replace(',', ';'))),
            Outcome.Rejected, "csv.fields", "dòng 3"),
        new("sub_quoted_newline.csv", "a unit name quoted over two lines", Text(Lines(Header, "672,\"Thành phố\nĐà Lạt\",2021,cov_participants,215.000,actual", Visits)),
            Outcome.Loaded, Loaded: 2),
        new("sub_quoted_newline_bad_value.csv", "a quoted newline before a bad value: the row named is the record's", Text(Lines(Header,
            "672,\"Thành phố\nĐà Lạt\",2021,cov_participants,215.000,actual", "672,Thành phố Đà Lạt,2021,kcb_visits,12.3x4,actual")),
            Outcome.Rejected, "value.unparseable", "dòng 3, cột value"),
        new("sub_ragged_short.csv", "a row with three fields", Text(Lines(Header, Participants, "672,Thành phố Đà Lạt,2021")),
            Outcome.Rejected, "csv.fields", "dòng 3"),
        new("sub_ragged_long.csv", "a row with a field too many (an unquoted 215,000)", Text(Lines(Header, "672,Thành phố Đà Lạt,2021,cov_participants,215,000,actual", Visits)),
            Outcome.Rejected, "csv.fields", "dòng 2"),
        new("sub_duplicate_header.csv", "the value column twice", Text(Lines(Header + ",value", Participants + ",216.000")),
            Outcome.Rejected, "csv.header_duplicate", "dòng 1, cột value"),
        new("sub_missing_column.csv", "no period column", Text(Lines("unit_code,unit_name,indicator,value", "672,,cov_participants,215.000")),
            Outcome.Refused, "input.format"),
        new("sub_missing_value_column.csv", "period and indicator but no value column", Text(Lines("unit_code,unit_name,period,indicator,values_total",
            "672,,2021,cov_participants,215.000")), Outcome.Rejected, "csv.header", "dòng 1"),
        new("sub_header_only.csv", "a header and no row", Text(Lines(Header)), Outcome.Empty),
        new("sub_blank_lines.csv", "blank lines between rows", Text(Lines(Header, "", Participants, "   ", Visits, "")), Outcome.Loaded, Loaded: 2),
        new("sub_cr_only.csv", "classic Mac line ends (CR only)", Text(string.Join("\r", Header, Participants, Visits)), Outcome.Loaded, Loaded: 2),
        new("sub_unterminated_quote.csv", "a quote opened and never closed", Text(Lines(Header, "672,\"Thành phố Đà Lạt,2021,cov_participants,215.000,actual", Visits)),
            Outcome.Rejected, null, "dòng 2"),
        new("sub_huge_field.csv", "a 3 MB unit name", path => File.WriteAllBytes(path, Utf8(Lines(Header, $"672,{new string('x', 3 << 20)},2021,cov_participants,1,actual"))),
            Outcome.Rejected, "csv.field_too_long", "dòng 2"),
        new("sub_binary_rows.csv", "a header, then binary junk", Bytes([.. Utf8(Lines(Header)), .. Junk(2048, 11)]), Outcome.Rejected),
        new("sub_nul_in_value.csv", "a NUL byte inside a number", Text(Lines(Header, "672,,2021,cov_participants,215\0000,actual")),
            Outcome.Rejected, "value.unparseable", "dòng 2, cột value"),
        new("sub_date_31_02.csv", "period 31/02/2021", Text(Lines(Header, "672,,31/02/2021,cov_participants,215.000,actual")),
            Outcome.Rejected, "period.unparseable", "dòng 2, cột period"),
        new("sub_number_1.2.3.csv", "value 1.2.3", Text(Lines(Header, Participants, "672,,2021,kcb_visits,1.2.3,actual")),
            Outcome.Rejected, "value.unparseable", "dòng 3, cột value"),
        new("sub_negative_count.csv", "a negative count of participants", Text(Lines(Header, "672,,2021,cov_participants,-215,actual")),
            Outcome.Rejected, "value.negative", "dòng 2, cột value"),
        new("sub_rate_250.csv", "a coverage rate of 250 %", Text(Lines(Header, "672,,2021,cov_rate,250%,actual")),
            Outcome.Rejected, "value.above_100", "dòng 2, cột value"),
        new("sub_bad_kind.csv", "value_kind 'plan'", Text(Lines(Header, "672,,2021,cov_participants,215.000,plan")),
            Outcome.Rejected, "value_kind.invalid", "dòng 2, cột value_kind"),
        new("sub_zip_renamed.csv", "a .zip renamed .csv", Bytes(Zip(("data.csv", Utf8(Lines(Header, Participants))))), Outcome.Refused, "input.format"),
        new("sub_zero_bytes.csv", "an empty file", Bytes([]), Outcome.Refused, "input.format"),
    ];
}
