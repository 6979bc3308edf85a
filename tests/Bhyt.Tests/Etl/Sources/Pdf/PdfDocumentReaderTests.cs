using Bhyt.Etl.Import;
using Bhyt.Etl.Sources;
using Bhyt.Etl.Sources.Layout;
using Bhyt.Etl.Sources.Pdf;

namespace Bhyt.Tests.Etl.Sources.Pdf;

/// <summary>PDFs written with PDFsharp, read back through PdfPig and the table rebuilding.</summary>
public class PdfDocumentReaderTests
{
    private static string[] Cells(RawRow row) => [.. row.Cells];

    private static RawDocument Write(TempFolder folder, string name, Action<PdfBuilder> content)
    {
        var path = Path.Combine(folder.Path, name);
        var builder = new PdfBuilder();
        content(builder);
        builder.Save(path);
        return new PdfDocumentReader().Read(path);
    }

    [Fact]
    public void Read_ruled_table_with_merged_group_header_rebuilds_every_cell_as_lattice()
    {
        using var folder = new TempFolder();
        var document = Write(folder, "phu_luc_4.pdf", pdf => pdf
            .Paragraph("Phụ lục 4: Tỷ lệ bao phủ bảo hiểm y tế")
            .Table([30, 130, 80, 80, 80],
                [["STT", "Huyện, thị xã", "Thực hiện", null, "Kế hoạch"], ["^", "^", "Năm 2022", "Năm 2023", "Năm 2024"]],
                [["1", "Thị xã Sơn Tây", "1.234.567", "88,75%", "90,10%"], ["2", "Huyện Ứng Hòa", "204.118", "-", "91,2%"]],
                ruled: true));

        var table = Assert.Single(document.Tables);
        Assert.Equal("lattice", table.Layout);
        Assert.Equal(1, table.Page);
        Assert.Equal("Phụ lục 4: Tỷ lệ bao phủ bảo hiểm y tế", table.Title);
        Assert.Equal(["STT", "Huyện, thị xã", "Thực hiện", "Thực hiện", "Kế hoạch"], Cells(table.Rows[0]));
        Assert.Equal(["STT", "Huyện, thị xã", "Năm 2022", "Năm 2023", "Năm 2024"], Cells(table.Rows[1]));
        Assert.Equal(["1", "Thị xã Sơn Tây", "1.234.567", "88,75%", "90,10%"], Cells(table.Rows[2]));
        Assert.Equal(["2", "Huyện Ứng Hòa", "204.118", "-", "91,2%"], Cells(table.Rows[3]));
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(1.0, table.Quality);
    }

    [Fact]
    public void Read_borderless_table_finds_columns_from_alignment_and_merges_wrapped_header_and_label()
    {
        using var folder = new TempFolder();
        var document = Write(folder, "bao_cao.pdf", pdf => pdf
            .Paragraph("Kết quả thực hiện chỉ tiêu bảo hiểm y tế của huyện Lục Yên")
            .Table([40, 190, 85, 85],
                [["TT", "Chỉ tiêu", "Năm\n2019", "Năm\n2020"]],
                [
                    ["1", "Số người tham gia BHYT", "1.234.567", "1.301.002"],
                    ["2", "Tỷ lệ bao phủ BHYT so với\ndân số (%)", "88,75%", "90,5%"],
                    ["3", "Số lượt khám chữa bệnh", "-", "45.310"],
                ],
                ruled: false)
            .Paragraph("Nguồn: Bảo hiểm xã hội huyện."));

        var table = Assert.Single(document.Tables);
        Assert.Equal("stream", table.Layout);
        Assert.Equal("Kết quả thực hiện chỉ tiêu bảo hiểm y tế của huyện Lục Yên", table.Title);
        Assert.Equal(
            [
                "TT|Chỉ tiêu|Năm 2019|Năm 2020",
                "1|Số người tham gia BHYT|1.234.567|1.301.002",
                "2|Tỷ lệ bao phủ BHYT so với dân số (%)|88,75%|90,5%",
                "3|Số lượt khám chữa bệnh|-|45.310",
            ],
            table.Rows.Select(r => string.Join("|", r.Cells)));
        Assert.Contains(document.Paragraphs, p => p.Text == "Nguồn: Bảo hiểm xã hội huyện.");
    }

    [Theory]
    [InlineData(true, "lattice")]
    [InlineData(false, "stream")]
    public void Read_table_over_two_pages_with_header_repeated_stitches_one_table(bool ruled, string layout)
    {
        using var folder = new TempFolder();
        var body = Enumerable.Range(1, 70).Select(i => (string?[])[$"{i}", $"Xã Phú Lộc {i}", $"{i * 1013:N0}".Replace(',', '.'), $"{80 + i % 20},{i % 10}%"]).ToList();
        var document = Write(folder, "hai_trang.pdf", pdf => pdf
            .Paragraph("Biểu 2. Người tham gia BHYT theo xã")
            .Table([40, 190, 90, 90], [["STT", "Xã, phường", "Số người", "Tỷ lệ"]], body, ruled));

        var table = Assert.Single(document.Tables);
        Assert.Equal(layout, table.Layout);
        Assert.Equal(1, table.Page);
        Assert.Equal(71, table.Rows.Count);
        Assert.Equal(["STT", "Xã, phường", "Số người", "Tỷ lệ"], Cells(table.Rows[0]));
        Assert.Equal(body.Select(r => string.Join("|", r)), table.Rows.Skip(1).Select(r => string.Join("|", r.Cells)));
        Assert.Equal(2, table.Rows[^1].Boxes![2]!.Page);
        Assert.Equal(1, table.Rows[1].Boxes![2]!.Page);
    }

    [Fact]
    public void Read_cell_boxes_stand_where_the_text_was_drawn_from_the_top_left()
    {
        using var folder = new TempFolder();
        var document = Write(folder, "hop.pdf", pdf => pdf
            .Table([100, 100], [["Đơn vị", "Năm 2021"]], [["Cả nước", "93,35%"]], ruled: true));

        var box = document.Tables[0].Rows[1].Boxes![1]!;
        // Column 2 spans x 150–250 and the body row starts 50 + (12 + 6) points from the top of the page.
        Assert.InRange(box.Left, 150, 250);
        Assert.InRange(box.Right, 200, 250);
        Assert.InRange(box.Top, 68, 80);
        Assert.InRange(box.Bottom, box.Top + 5, 90);
        Assert.Null(box.Confidence);
    }

    [Fact]
    public void ReadPages_pdf_with_only_an_image_lists_the_page_as_scanned_and_Read_refuses_it_naming_OCR()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "ban_quet.pdf");
        ScannedPdf.Write(path);

        var pages = PdfDocumentReader.ReadPages(path);
        var error = Assert.Throws<UnusableInputException>(() => new PdfDocumentReader().Read(path));

        Assert.Equal([1], pages.Scanned);
        Assert.True(pages.IsScan);
        Assert.Contains("ban_quet.pdf", error.Message);
        Assert.Contains("[input.scanned_pdf]", error.Message);
    }

    [Fact]
    public void Read_scanned_page_with_a_page_reader_builds_tables_from_its_recognised_words()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "ban_quet.pdf");
        ScannedPdf.Write(path);
        var ocr = new FixedWords([
            new PageWord(1, "Tỉnh", 50, 100, 80, 110, 91), new PageWord(1, "Năm", 200, 100, 225, 110, 95), new PageWord(1, "2021", 228, 100, 252, 110, 88),
            new PageWord(1, "Cả", 50, 120, 62, 130, 90), new PageWord(1, "nước", 65, 120, 90, 130, 90), new PageWord(1, "93,35%", 215, 120, 252, 130, 67),
            new PageWord(1, "Hà", 50, 140, 62, 150, 90), new PageWord(1, "Nam", 65, 140, 88, 150, 90), new PageWord(1, "95,1%", 220, 140, 252, 150, 80),
        ]);

        var document = new PdfDocumentReader(ocr).Read(path);

        Assert.Equal([1], ocr.Asked);
        var table = Assert.Single(document.Tables);
        Assert.Equal(["Cả nước", "93,35%"], Cells(table.Rows[1]));
        Assert.Equal(67, table.Rows[1].Boxes![1]!.Confidence);
    }

    [Fact]
    public void Read_damaged_file_is_refused_as_corrupt()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "hong.pdf");
        File.WriteAllText(path, "không phải PDF");

        var error = Assert.Throws<UnusableInputException>(() => new PdfDocumentReader().Read(path));

        Assert.Contains("[input.corrupt]", error.Message);
    }

    [Fact]
    public void DocumentReaders_For_pdf_is_the_pdf_reader()
    {
        Assert.IsType<PdfDocumentReader>(DocumentReaders.For("phu_luc.PDF"));
    }

    private sealed class FixedWords(IReadOnlyList<PageWord> words) : IScannedPageReader
    {
        public List<int> Asked { get; } = [];

        public IReadOnlyList<PageContent> Read(string path, IReadOnlyList<int> pages)
        {
            Asked.AddRange(pages);
            return pages.Select(p => new PageContent(p, 595, 842, words.Where(w => w.Page == p).ToList(), [])).ToList();
        }
    }
}
