using System.Text;
using Bhyt.Etl.Parsing.Encodings;

namespace Bhyt.Tests.Etl.Parsing.Encodings;

public class EncodingDetectorTests
{
    private const string Submission =
        "unit_code,unit_name,period,indicator,value,value_kind\n" +
        ",Thành phố Đà Lạt,2021,cov_participants,215.000,actual\n" +
        ",Phường 1,2021,cov_participants,12.480,actual\n" +
        ",Xã Tà Nung,2021,cov_participants,3.912,actual\n" +
        ",Huyện Lạc Dương,2021,kcb_visits,\"48.210\",actual\n";

    [Theory]
    [MemberData(nameof(LegacyBytes.Kinds), MemberType = typeof(LegacyBytes))]
    public void Detect_legacy_submission_picks_its_encoding_and_decodes_the_names(string kind)
    {
        var bytes = LegacyBytes.Encode(kind, Submission);

        var decision = EncodingDetector.Detect(bytes, complete: true);

        Assert.Equal(LegacyBytes.EncodingOf(kind), decision.Encoding);
        Assert.Null(decision.Rejection);
        var expected = kind == "tcvn3" ? LegacyBytes.SmallWhereTcvn3HasNoCapital(Submission) : Submission;
        Assert.Equal(expected, EncodingDetector.Decode(decision.Encoding!.Value, bytes));
        Assert.Contains(decision.Encoding.Value.Label(), decision.Note);
    }

    [Theory]
    [MemberData(nameof(LegacyBytes.Kinds), MemberType = typeof(LegacyBytes))]
    public void Detect_winner_reads_every_word_and_the_others_mostly_fail(string kind)
    {
        var decision = EncodingDetector.Detect(LegacyBytes.Encode(kind, Submission), complete: true);

        var winner = decision.Scores.Single(s => s.Encoding == decision.Encoding);
        Assert.Equal(1.0, winner.Share);
        Assert.All(decision.Scores.Where(s => s != winner), s => Assert.True(s.Share <= winner.Share - EncodingDetector.MinimumLead, $"{s}"));
    }

    [Fact]
    public void Detect_utf8_with_or_without_bom_and_utf16_with_bom_need_no_conversion()
    {
        Assert.Equal(VietnameseEncoding.Utf8, EncodingDetector.Detect(Encoding.UTF8.GetBytes(Submission), true).Encoding);
        Assert.Equal(VietnameseEncoding.Utf8, EncodingDetector.Detect([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Submission)], true).Encoding);
        Assert.Equal(VietnameseEncoding.Utf16, EncodingDetector.Detect(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Submission)).ToArray(), true).Encoding);
        Assert.False(EncodingDetector.Detect(Encoding.UTF8.GetBytes(Submission), true).IsLegacy);
    }

    [Fact]
    public void Detect_partial_sample_cut_inside_a_utf8_letter_is_still_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Submission + "672,Đà Lạt");
        Assert.Equal(VietnameseEncoding.Utf8, EncodingDetector.Detect(bytes[..^1], complete: false).Encoding);
    }

    [Fact]
    public void Detect_bytes_no_candidate_reads_as_vietnamese_are_refused_naming_candidates_and_line()
    {
        var bytes = Encoding.ASCII.GetBytes("unit_name,value\nabc,1\n").Concat(new byte[] { 0x47, 0x80, 0x9F, 0x8D, 0x20, 0x54, 0x81, 0x90, 0x2C, 0x31, 0x0A }).ToArray();

        var decision = EncodingDetector.Detect(bytes, complete: true);

        Assert.Null(decision.Encoding);
        Assert.Contains("Dòng 3", decision.Rejection);
        Assert.Contains("Windows-1258", decision.Rejection);
        Assert.Contains("TCVN3", decision.Rejection);
        Assert.Contains("VNI", decision.Rejection);
        Assert.Contains("UTF-8", decision.Rejection);
    }

    [Fact]
    public void Detect_word_two_tables_read_equally_well_is_refused_as_ambiguous()
    {
        // 0xE1 is "á" in Windows-1258 and "ỏ" in TCVN3: "Thánh" and "Thỏnh" are both possible syllables.
        var bytes = Encoding.ASCII.GetBytes("unit_name\nTh").Concat(new byte[] { 0xE1 }).Concat(Encoding.ASCII.GetBytes("nh\n")).ToArray();

        var decision = EncodingDetector.Detect(bytes, complete: true);

        Assert.Null(decision.Encoding);
        Assert.Contains("Thánh", decision.Rejection);
        Assert.Contains("Thỏnh", decision.Rejection);
    }
}
