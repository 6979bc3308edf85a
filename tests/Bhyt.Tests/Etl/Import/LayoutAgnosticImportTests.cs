using Bhyt.Etl.Import;
using Bhyt.Tests.Etl.Sources;
using Bhyt.Tests.Support;
using static Bhyt.Tests.Etl.Sources.DocxBuilder;

namespace Bhyt.Tests.Etl.Import;

/// <summary>
/// Word and Excel reports in the layouts district offices use (issue 15): a unit-of-measure column, merged group headers
/// split over rows, transposed tables, one commune per row with a population column, a national row; totals checked,
/// forms remembered, and an honest "empty" when nothing could be read.
/// </summary>
public class LayoutAgnosticImportTests
{
    private const string Title = "Báo cáo kết quả thực hiện bảo hiểm y tế trên địa bàn thành phố Tuyên Quang";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string path, string? unit = null) =>
        await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(ImportKinds.Report, unit), null, CancellationToken.None);

    private static async Task<int> FigureCountAsync(TempWarehouse warehouse, long submission) =>
        (await warehouse.Engine.QueryAsync<long>("SELECT COUNT(*) FROM rpt.indicator_values WHERE submission_id = @submission AND source = 'submission'", new { submission })).Single() is var n ? (int)n : 0;

    [Fact]
    public async Task ImportAsync_docx_with_unit_of_measure_column_reads_units_as_units_and_scales_money()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "tt_chitieu_dvt.docx");
        new DocxBuilder().Paragraph(Title).Paragraph("Biểu 01. Các chỉ tiêu chủ yếu")
            .Table(
                Row(Cell("TT"), Cell("Chỉ tiêu"), Cell("Đơn vị tính"), Cell("Năm 2019"), Cell("Năm 2020"), Cell("Kế hoạch năm 2021")),
                Row(Cell("1"), Cell("Số người tham gia BHYT"), Cell("Người"), Cell("98.500"), Cell("101.200"), Cell("103.000")),
                Row(Cell("2"), Cell("Tỷ lệ bao phủ BHYT"), Cell("%"), Cell("88.75%"), Cell("90,1"), Cell("92")),
                Row(Cell("3"), Cell("Tổng số lượt khám chữa bệnh BHYT"), Cell("Lượt"), Cell("120 300"), Cell("-"), Cell("x")),
                Row(Cell("4"), Cell("Tổng số thu BHYT"), Cell("Tỷ đồng"), Cell("45,5"), Cell("50"), Cell("—")))
            .Save(path);

        var result = await ImportAsync(warehouse, path);

        Assert.True(result.Submission.Status == "loaded", string.Join("\n", result.Issues.Select(i => i.Message)));
        Assert.Equal("070", result.Submission.UnitCode);
        Assert.Equal(98500m, await warehouse.Engine.ValueAsync("070", "2019", "cov_participants"));
        Assert.Equal(103000m, await warehouse.Engine.ValueAsync("070", "2021", "cov_participants", "target"));
        Assert.Null(await warehouse.Engine.ValueAsync("070", "2021", "cov_participants"));
        Assert.Equal(88.75m, await warehouse.Engine.ValueAsync("070", "2019", "cov_rate"));
        Assert.Equal(92m, await warehouse.Engine.ValueAsync("070", "2021", "cov_rate", "target"));
        Assert.Equal(120300m, await warehouse.Engine.ValueAsync("070", "2019", "kcb_visits"));
        Assert.Null(await warehouse.Engine.ValueAsync("070", "2020", "kcb_visits"));
        Assert.Equal(45500m, await warehouse.Engine.ValueAsync("070", "2019", "fund_revenue"));
        Assert.Equal(50000m, await warehouse.Engine.ValueAsync("070", "2020", "fund_revenue"));
        // 3 + 3 + 1 + 2 figures: nothing for "-", "x", "—", the numbering or the units of measure.
        Assert.Equal(9, await FigureCountAsync(warehouse, result.Submission.SubmissionId));
    }

    [Fact]
    public async Task ImportAsync_docx_with_merged_year_groups_over_plan_and_result_and_ocr_labels_tells_targets_from_actuals()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "nhom_nam.docx");
        new DocxBuilder().Paragraph(Title)
            .Table(
                Row(MergeStart("STT"), MergeStart("Nội dung"), MergeStart("ĐVT"), Cell("Năm 2020", span: 2), Cell("Năm 2021", span: 2)),
                Row(MergeContinue(), MergeContinue(), MergeContinue(), Cell("Kế hoạch"), Cell("Thực hiện"), Cell("Chỉ tiêu giao"), Cell("Ước thực hiện")),
                Row(Cell("(1)"), Cell("(2)"), Cell("(3)"), Cell("(4)"), Cell("(5)"), Cell("(6)"), Cell("(7)")),
                Row(Cell("I"), Cell("Ty le bao phu BH YT"), Cell("%"), Cell("90"), Cell("90,5"), Cell("91"), Cell("91,2")),
                Row(Cell("II"), Cell("So nguoi tham gia BHYT"), Cell("người"), Cell("100.000"), Cell("100.5O0"), Cell("101.000"), Cell("-")))
            .Save(path);

        var result = await ImportAsync(warehouse, path);

        Assert.True(result.Submission.Status == "loaded", string.Join("\n", result.Issues.Select(i => i.Message)));
        Assert.Equal(90m, await warehouse.Engine.ValueAsync("070", "2020", "cov_rate", "target"));
        Assert.Equal(90.5m, await warehouse.Engine.ValueAsync("070", "2020", "cov_rate"));
        Assert.Equal(91m, await warehouse.Engine.ValueAsync("070", "2021", "cov_rate", "target"));
        Assert.Equal(91.2m, await warehouse.Engine.ValueAsync("070", "2021", "cov_rate"));
        Assert.Equal(100500m, await warehouse.Engine.ValueAsync("070", "2020", "cov_participants"));
        Assert.Null(await warehouse.Engine.ValueAsync("070", "2021", "cov_participants"));
        Assert.Equal(7, await FigureCountAsync(warehouse, result.Submission.SubmissionId));
    }

    [Fact]
    public async Task ImportAsync_xlsx_transposed_years_down_the_rows_reads_indicators_from_the_column_headers()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "chuyen_vi.xlsx");
        new XlsxBuilder().Sheet("Bao phu")
            .Text("A1", "Kết quả bao phủ bảo hiểm y tế qua các năm")
            .Text("A2", "Năm").Text("B2", "Số người tham gia BHYT (người)").Text("C2", "Tỷ lệ bao phủ BHYT (%)").Text("D2", "Tổng số thu BHYT (triệu đồng)")
            .Number("A3", 2019).Text("B3", "1 234 567").Text("C3", "88.75%").Text("D3", "12 500")
            .Text("A4", "Năm 2020").Text("B4", "1 250 100").Text("C4", "90,1").Text("D4", "-")
            .Text("A5", "Kế hoạch 2021").Text("B5", "1 300 000").Number("C5", 92).Text("D5", "")
            .Save(path);

        var result = await ImportAsync(warehouse, path, unit: "672");

        Assert.True(result.Submission.Status == "loaded", string.Join("\n", result.Issues.Select(i => i.Message)));
        Assert.Equal(1234567m, await warehouse.Engine.ValueAsync("672", "2019", "cov_participants"));
        Assert.Equal(88.75m, await warehouse.Engine.ValueAsync("672", "2019", "cov_rate"));
        Assert.Equal(12500m, await warehouse.Engine.ValueAsync("672", "2019", "fund_revenue"));
        Assert.Equal(1250100m, await warehouse.Engine.ValueAsync("672", "2020", "cov_participants"));
        Assert.Null(await warehouse.Engine.ValueAsync("672", "2020", "fund_revenue"));
        Assert.Equal(1300000m, await warehouse.Engine.ValueAsync("672", "2021", "cov_participants", "target"));
        Assert.Equal(92m, await warehouse.Engine.ValueAsync("672", "2021", "cov_rate", "target"));
        Assert.Equal(7, await FigureCountAsync(warehouse, result.Submission.SubmissionId));
        Assert.Contains(result.Tables, t => t.Layout?.Orientation == Bhyt.Etl.Sources.Reports.TableOrientation.PeriodRows);
    }

    private static DocxBuilder CommuneTable(string total) => new DocxBuilder().Paragraph(Title).Paragraph("Biểu 03. Kết quả theo xã, phường")
        .Table(
            Row(MergeStart("STT"), MergeStart("Xã, phường"), MergeStart("Dân số (người)"), Cell("Thực hiện năm 2020", span: 2), Cell("Kế hoạch năm 2021", span: 2)),
            Row(MergeContinue(), MergeContinue(), MergeContinue(), Cell("Số người tham gia BHYT"), Cell("Tỷ lệ (%)"), Cell("Số người tham gia BHYT"), Cell("Tỷ lệ (%)")),
            Row(Cell("1"), Cell("Phường Ỷ La"), Cell("5.010"), Cell("4.980"), Cell("99,4"), Cell("5.000"), Cell("99,8")),
            Row(Cell("2"), Cell("Xa Trang Da"), Cell("5.721"), Cell("5.679"), Cell("99,3"), Cell("5.700"), Cell("99,6")),
            Row(Cell(""), Cell("Cộng"), Cell("10.731"), Cell(total), Cell("99,3"), Cell("10.700"), Cell("99,7")));

    [Fact]
    public async Task ImportAsync_docx_one_commune_per_row_with_population_column_loads_groups_and_skips_the_undated_column()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "theo_xa.docx");
        CommuneTable("10.659").Save(path);

        var result = await ImportAsync(warehouse, path);

        Assert.True(result.Submission.Status == "loaded", string.Join("\n", result.Issues.Select(i => i.Message)));
        Assert.Equal(4980m, await warehouse.Engine.ValueAsync("02215", "2020", "cov_participants"));
        Assert.Equal(99.6m, await warehouse.Engine.ValueAsync("02209", "2021", "cov_rate", "target"));
        Assert.Equal(10659m, await warehouse.Engine.ValueAsync("070", "2020", "cov_participants"));
        Assert.Equal(10700m, await warehouse.Engine.ValueAsync("070", "2021", "cov_participants", "target"));
        // The population column has no period of its own and the table two: skipped with a note, never a unit name.
        Assert.Null(await warehouse.Engine.ValueAsync("02215", "2020", "cov_population"));
        Assert.Contains(result.Issues, i => i.Rule == "column.skipped" && !i.IsError);
        Assert.DoesNotContain(result.Issues, i => i.Rule == "table.total");
        Assert.Equal(12, await FigureCountAsync(warehouse, result.Submission.SubmissionId));
    }

    [Fact]
    public async Task ImportAsync_total_row_one_digit_off_warns_that_the_reading_may_be_wrong()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "theo_xa_lech.docx");
        CommuneTable("10.689").Save(path);

        var result = await ImportAsync(warehouse, path);

        var total = Assert.Single(result.Issues, i => i.Rule == "table.total");
        Assert.Equal("warning", total.Severity);
        Assert.Contains("10.659", total.Message);
        Assert.Contains("10.689", total.Message);
        Assert.Contains("một chữ số", total.Message);
        Assert.Equal("loaded", result.Submission.Status);
    }

    [Fact]
    public async Task ImportAsync_xlsx_province_table_puts_the_national_row_on_the_country_and_dates_population_from_the_title()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "theo_tinh.xlsx");
        new XlsxBuilder().Sheet("Tinh")
            .Text("A1", "Tình hình tham gia BHYT theo tỉnh năm 2023")
            .Text("A2", "STT").Text("B2", "Tỉnh, thành phố").Text("C2", "Dân số").Text("D2", "Số người tham gia BHYT năm 2023").Text("E2", "Tỷ lệ bao phủ BHYT năm 2023 (%)")
            .Text("B3", "Cả nước").Text("C3", "100.300.000").Text("D3", "93.600.000").Text("E3", "93,35")
            .Number("A4", 1).Text("B4", "Tỉnh An Giang").Text("C4", "1.910.000").Text("D4", "1.700.000").Text("E4", "89,0")
            .Number("A5", 2).Text("B5", "Tỉnh Lâm Đồng").Text("C5", "1.330.000").Text("D5", "1.200.000").Text("E5", "-")
            .Save(path);

        var result = await ImportAsync(warehouse, path);

        Assert.True(result.Submission.Status == "loaded", string.Join("\n", result.Issues.Select(i => i.Message)));
        Assert.Equal(93600000m, await warehouse.Engine.ValueAsync("VN", "2023", "cov_participants"));
        Assert.Equal(93.35m, await warehouse.Engine.ValueAsync("VN", "2023", "cov_rate"));
        Assert.Equal(1700000m, await warehouse.Engine.ValueAsync("89", "2023", "cov_participants"));
        Assert.Equal(1910000m, await warehouse.Engine.ValueAsync("89", "2023", "cov_population"));
        // "-" for Lâm Đồng's rate: nothing reported (the warehouse may derive it, labelled derived).
        Assert.Equal(8, await FigureCountAsync(warehouse, result.Submission.SubmissionId));
    }

    private static void FormCopy(string path, string year1, string year2, string value1, string value2) => new DocxBuilder().Paragraph(Title)
        .Table(
            Row(Cell("TT"), Cell("Nội dung"), Cell("ĐVT"), Cell($"Năm {year1}"), Cell($"Năm {year2}")),
            Row(Cell("1"), Cell("Số người tham gia BHYT"), Cell("người"), Cell(value1), Cell(value2)),
            Row(Cell("2"), Cell("Tỷ lệ bao phủ BHYT"), Cell("%"), Cell("90,5"), Cell("91,5")))
        .Save(path);

    [Fact]
    public async Task ImportAsync_next_years_copy_of_a_known_form_is_read_from_the_form_memory()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var first = Path.Combine(warehouse.Directory, "bieu_2021.docx");
        var second = Path.Combine(warehouse.Directory, "bieu_2022_scan.docx");
        FormCopy(first, "2020", "2021", "100.000", "101.000");
        // The scan confused the years' zeros with O: the generic reader finds no period in "Năm 2O21".
        FormCopy(second, "2O21", "2O22", "101.000", "102.000");

        await using (var fresh = await TempWarehouse.InitialisedAsync())
            Assert.Equal("empty", (await ImportAsync(fresh, second)).Submission.Status);

        var remembered = await ImportAsync(warehouse, first);
        var result = await ImportAsync(warehouse, second);

        Assert.False(remembered.Tables.Single().Layout!.FromMemory);
        Assert.True(result.Tables.Single().Layout!.FromMemory);
        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(102000m, await warehouse.Engine.ValueAsync("070", "2022", "cov_participants"));
        Assert.Equal(91.5m, await warehouse.Engine.ValueAsync("070", "2022", "cov_rate"));
        Assert.Contains(result.Tables.Single().Explain(), line => line.Contains("bộ nhớ biểu mẫu: có"));
        var uses = await warehouse.Engine.QueryAsync<int>("SELECT uses FROM rpt.form_layouts");
        Assert.Equal([2], uses);
    }

    [Fact]
    public async Task ImportAsync_table_with_unknown_labels_ends_empty_naming_the_labels()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "khong_nhan_ra.docx");
        new DocxBuilder().Paragraph(Title)
            .Table(
                Row(Cell("TT"), Cell("Chỉ tiêu"), Cell("Năm 2020"), Cell("Năm 2021")),
                Row(Cell("1"), Cell("Số thẻ cấp mới trong kỳ"), Cell("1.200"), Cell("1.350")),
                Row(Cell("2"), Cell("Số hồ sơ giám định"), Cell("3.400"), Cell("-")))
            .Save(path);

        var result = await ImportAsync(warehouse, path);

        Assert.True(result.IsEmpty);
        Assert.Equal("empty", result.Submission.Status);
        Assert.Contains("Số thẻ cấp mới trong kỳ", result.Note);
        Assert.Contains("Số hồ sơ giám định", result.Note);
        Assert.True(result.Tables.Single().IsNearMiss);
        var status = await warehouse.Engine.QueryAsync<string>("SELECT status FROM rpt.submissions");
        Assert.Equal(["empty"], status);
    }
}
