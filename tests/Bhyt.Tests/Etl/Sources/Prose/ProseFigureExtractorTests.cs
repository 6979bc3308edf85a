using Bhyt.Etl.Sources;
using Bhyt.Etl.Sources.Prose;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Tests.Etl.Sources.Prose;

public class ProseFigureExtractorTests
{
    private static readonly ProseFigureExtractor Extractor = new(IndicatorCatalog.Bundled);

    private static IReadOnlyList<ProseCandidate> Read(string sentence, int? year = 2023) => Extractor.ReadSentence(sentence, year);

    private static ProseCandidate Single(string sentence, int? year = 2023)
    {
        var found = Read(sentence, year);
        Assert.True(found.Count == 1, $"{found.Count} candidates in «{sentence}»: {string.Join("; ", found)}");
        return found[0];
    }

    [Fact]
    public void ReadSentence_coverage_rate_with_a_vietnamese_decimal_gives_an_actual_rate_and_its_span()
    {
        var c = Single("Năm 2023, tỷ lệ bao phủ BHYT đạt 78,4% dân số.");

        Assert.Equal(("cov_rate", "2023", "actual", 78.4m, "percent"), (c.IndicatorCode, c.PeriodLabel, c.ValueKind, c.Value, c.Unit));
        Assert.Equal("78,4%", c.Sentence.Substring(c.SpanStart, c.SpanLength));
        Assert.Equal("78,4%", c.ValueText);
        Assert.InRange(c.Confidence, 0.8m, 0.99m);
    }

    [Fact]
    public void ReadSentence_participants_with_thousands_dots_are_persons()
    {
        var c = Single("Tổng số người tham gia BHYT là 64.210 người, tăng 2.315 người so với năm 2022.");

        Assert.Equal(("cov_participants", 64210m, "2023"), (c.IndicatorCode, c.Value, c.PeriodLabel));
        Assert.Equal("64.210 người", c.ValueText);
    }

    [Fact]
    public void ReadSentence_targets_of_two_years_give_two_targets_of_the_passage_indicator()
    {
        var found = Read("Tỷ lệ bao phủ BHYT: chỉ tiêu năm 2021: 90,5%; năm 2022: 91,2%.");

        Assert.Equal([("2021", 90.5m), ("2022", 91.2m)], found.Select(c => (c.PeriodLabel!, c.Value)));
        Assert.All(found, c => Assert.Equal(("cov_rate", "target"), (c.IndicatorCode!, c.ValueKind)));
    }

    [Fact]
    public void ReadSentence_a_horizon_to_strive_for_is_a_target_of_that_year()
    {
        var c = Single("Phấn đấu đến năm 2025 tỷ lệ người dân tham gia BHYT đạt 93%.", 2021);

        Assert.Equal(("cov_rate", "2025", "target", 93m), (c.IndicatorCode, c.PeriodLabel, c.ValueKind, c.Value));
    }

    [Fact]
    public void ReadSentence_million_visits_and_billion_dong_are_scaled_to_the_catalog_units()
    {
        var visits = Single("Số lượt khám chữa bệnh BHYT năm 2023 là 1,2 triệu lượt.");
        var spending = Single("Năm 2022 chi KCB BHYT 350 tỷ đồng.");

        Assert.Equal(("kcb_visits", 1_200_000m, "2023"), (visits.IndicatorCode, visits.Value, visits.PeriodLabel));
        Assert.Equal("1,2 triệu lượt", visits.ValueText);
        Assert.Equal(("fund_kcb_spending", 350_000m, "million_vnd", "2022"), (spending.IndicatorCode, spending.Value, spending.Unit, spending.PeriodLabel));
    }

    [Fact]
    public void ReadSentence_a_share_of_the_population_without_its_name_is_the_coverage_rate()
    {
        var found = Read("Toàn tỉnh có 1.045.322 người tham gia BHYT, chiếm 91,07% dân số.");

        Assert.Equal([("cov_participants", 1045322m), ("cov_rate", 91.07m)], found.Select(c => (c.IndicatorCode!, c.Value)));
    }

    [Fact]
    public void ReadSentence_without_a_year_in_the_sentence_takes_the_document_year_with_less_confidence()
    {
        var stated = Single("Năm 2023 tỷ lệ bao phủ BHYT đạt 90,1%.");
        var context = Single("Tỷ lệ bao phủ BHYT đạt 90,1%.");
        var none = Single("Tỷ lệ bao phủ BHYT đạt 90,1%.", year: null);

        Assert.Equal(("2023", "2023"), (stated.PeriodLabel, context.PeriodLabel));
        Assert.Null(none.PeriodLabel);
        Assert.True(stated.Confidence > context.Confidence && context.Confidence > none.Confidence);
    }

    [Theory]
    [InlineData("Thực hiện Quyết định số 1234/QĐ-UBND ngày 12/3/2021 của UBND tỉnh về tỷ lệ bao phủ BHYT.")]
    [InlineData("Kế hoạch số 56/KH-UBND ngày 05 tháng 4 năm 2022 về số người tham gia BHYT.")]
    [InlineData("Mọi thắc mắc về thẻ BHYT xin liên hệ số điện thoại 0263 3822 123 hoặc 0912.345.678.")]
    [InlineData("Lượt xem: 1.234")]
    [InlineData("Số lượt khám chữa bệnh BHYT - Cập nhật lúc 10:20 ngày 5/6/2023")]
    [InlineData("Số người tham gia BHYT tăng 2.315 người so với cùng kỳ.")]
    [InlineData("Tỷ lệ bao phủ BHYT tăng thêm 3,4% so với năm trước.")]
    [InlineData("Tỷ lệ bao phủ BHYT giảm 1,2 điểm % so với năm 2021.")]
    [InlineData("Tỷ lệ bao phủ BHYT năm 2023 vượt chỉ tiêu kế hoạch 1,5%.")]
    [InlineData("Đã có 6/12 xã đạt tỷ lệ bao phủ BHYT theo chỉ tiêu.")]
    [InlineData("Tỷ lệ bao phủ BHYT: có 15 xã đạt.")]
    [InlineData("Các xã có tỷ lệ bao phủ BHYT từ 90% trở lên được khen thưởng.")]
    [InlineData("Phấn đấu tỷ lệ bao phủ BHYT trên 95%.")]
    [InlineData("Các nhóm đối tượng chưa đạt tỷ lệ 100% được rà soát.")]
    [InlineData("Mạng lưới gồm 05 bệnh viện thuộc tuyến tỉnh, 04 phòng khám và 12 trạm y tế.")]
    [InlineData("Số người tham gia BHYT giai đoạn 2015-2019 được tổng hợp theo Chỉ thị 38-CT/TW.")]
    public void ReadSentence_distractors_give_no_candidate(string sentence) =>
        Assert.Empty(Read(sentence));

    [Fact]
    public void ReadSentence_a_group_named_right_after_the_rate_is_its_indicator()
    {
        var found = Read("Phấn đấu đến hết năm 2021 tỷ lệ bao phủ BHYT đạt 99% dân số, trong đó đảm bảo 100% học sinh tham gia BHYT.");

        Assert.Equal([("cov_rate", 99m), ("rate_students", 100m)], found.Select(c => (c.IndicatorCode!, c.Value)));
        Assert.All(found, c => Assert.Equal(("target", "2021-12-31"), (c.ValueKind, c.PeriodLabel!)));
    }

    [Fact]
    public void ReadSentence_a_date_before_the_figure_is_its_period()
    {
        var c = Single("Tính đến ngày 24/7/2021, tỷ lệ bao phủ BHYT của huyện giảm xuống còn 87,21% dân số, ảnh hưởng lớn đến kết quả chung của tỉnh.");

        Assert.Equal(("cov_rate", 87.21m, "2021-07-24"), (c.IndicatorCode, c.Value, c.PeriodLabel));
    }

    [Fact]
    public void ReadSentence_an_age_in_the_indicator_name_is_no_value()
    {
        var c = Single("Tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ BHYT đạt 100%.");

        Assert.Equal(("rate_under6", 100m), (c.IndicatorCode, c.Value));
    }

    [Fact]
    public void ReadSentence_a_level_after_a_change_word_is_a_level_of_the_report_year_not_of_the_comparison()
    {
        var c = Single("Tỷ lệ bao phủ BHYT tăng mạnh so với năm 2022, đạt 92,3%.");

        Assert.Equal(("cov_rate", 92.3m, "2023"), (c.IndicatorCode, c.Value, c.PeriodLabel));
    }

    [Fact]
    public void Extract_paragraphs_give_candidates_with_the_document_year_and_the_line()
    {
        var document = new RawDocument("bao-cao.txt",
        [
            new RawParagraph(1, "BÁO CÁO"),
            new RawParagraph(2, "Kết quả thực hiện chính sách BHYT năm 2023"),
            new RawParagraph(4, "Tỷ lệ bao phủ BHYT toàn huyện đạt 88,75% dân số, số người"),
            new RawParagraph(5, "tham gia BHYT là 120.450 người."),
            new RawParagraph(7, "Lượt xem: 3.210"),
        ], []);

        var found = Extractor.Extract(document, null);

        Assert.Equal([("cov_rate", 88.75m, "2023", "dòng 4"), ("cov_participants", 120450m, "2023", "dòng 4")],
            found.Select(c => (c.IndicatorCode!, c.Value, c.PeriodLabel!, c.Location)));
    }
}
