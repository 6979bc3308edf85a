using Bhyt.Etl.Import;
using Bhyt.Etl.Sources;
using Bhyt.Etl.Sources.Ocr;

namespace Bhyt.Tests.Etl.Sources.Ocr;

/// <summary>Scans drawn here (PDFsharp → pdftoppm → tilt and noise) read back by Tesseract for real.</summary>
public class OcrDocumentReaderTests
{
    private static readonly string[][] Provinces =
    [
        ["1", "Tỉnh Quảng Ngãi", "1.123.456", "1.245.678", "88,75%"],
        ["2", "Thành phố Hà Nội", "7.654.321", "8.246.600", "92,82%"],
        ["3", "Tỉnh Lào Cai", "712.940", "768.205", "92,81%"],
        ["4", "Tỉnh Điện Biên", "589.317", "613.442", "96,07%"],
        ["5", "Tỉnh Cà Mau", "1.034.876", "1.207.551", "85,70%"],
        ["6", "Tỉnh Kiên Giang", "1.498.203", "1.747.390", "85,74%"],
        ["7", "Tỉnh Hà Tĩnh", "1.198.045", "1.301.612", "92,04%"],
        ["", "Cả nước", "93.352.064", "100.309.209", "93,06%"],
    ];

    private static string[][] Table() => [["TT", "Tỉnh, thành phố", "Người tham gia", "Dân số", "Tỷ lệ (%)"], .. Provinces];

    private static string[] ExpectedNumbers => Provinces.SelectMany(r => r[2..]).ToArray();

    private static string CleanPdf(TempFolder folder) =>
        new TablePdf().Page(["PHỤ LỤC 4", "Tỷ lệ bao phủ BHYT theo tỉnh, năm 2023"], Table(), 30, 170, 120, 120, 80).Save(folder.File("clean.pdf"));

    private static double NumericHitRate(RawDocument document)
    {
        var cells = document.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).ToHashSet();
        return ExpectedNumbers.Count(cells.Contains) / (double)ExpectedNumbers.Length;
    }

    [Fact]
    public void ReadScannedPdf_tilted_noisy_scan_gives_at_least_nine_tenths_of_the_numbers_with_confidence()
    {
        using var folder = new TempFolder();
        var started = DateTime.UtcNow;
        var page = ScanImage.Rasterise(CleanPdf(folder), 300)[0].Rotate(1.5).Noise(0.005, seed: 3);
        var scan = ScanImage.SaveScannedPdf(folder.File("scan.pdf"), [page.SavePng(folder.File("page.png"))]);

        var document = new OcrDocumentReader().ReadScannedPdf(scan);

        Assert.True(NumericHitRate(document) >= 0.9, string.Join(" / ", document.Tables.SelectMany(t => t.Rows).Select(r => string.Join(" | ", r.Cells))));
        var rows = document.Tables.SelectMany(t => t.Rows).ToList();
        Assert.Contains(rows, r => r.Cells.Any(c => c.Contains("Quảng Ngãi")) && r.Cells.Contains("88,75%"));
        Assert.Contains(rows, r => r.Cells.Any(c => c.Contains("Cả nước")));
        // Every cell with words has its box and confidence (an empty cell, such as the national row's TT, has none).
        Assert.All(rows, r => Assert.All(r.Boxes!.Where((_, i) => r.Cells[i].Length > 0), b => Assert.True(b is { Page: 1, Confidence: >= 0 and <= 100 })));
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), "bhyt-ocr-*").Where(d => Directory.GetCreationTimeUtc(d) >= started));
    }

    [Fact]
    public void Read_tilted_png_image_gives_at_least_nine_tenths_of_the_numbers()
    {
        using var folder = new TempFolder();
        var image = ScanImage.Rasterise(CleanPdf(folder), 300)[0].Rotate(-1).Noise(0.002, seed: 5).SavePng(folder.File("bieu.png"));

        var document = DocumentReaders.For(image)!.Read(image);

        Assert.Equal("bieu.png", document.FileName);
        Assert.True(NumericHitRate(document) >= 0.9, string.Join(" / ", document.Tables.SelectMany(t => t.Rows).Select(r => string.Join(" | ", r.Cells))));
    }

    [Theory]
    [InlineData("scan.png", false)]
    [InlineData("scan.pdf", true)]
    public void Read_without_tools_on_path_refuses_naming_the_debian_packages(string name, bool pdf)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, [1, 2, 3]);
        var reader = new OcrDocumentReader(OcrTools.Find(folder.Path));

        var error = Assert.Throws<UnusableInputException>(() => pdf ? reader.ReadScannedPdf(path) : reader.Read(path));

        Assert.Contains(name, error.Message);
        Assert.Contains("apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils", error.Message);
        Assert.Contains("[input.ocr_missing]", error.Message);
        Assert.Equal(pdf, error.Message.Contains("pdftoppm"));
    }

    [Fact]
    public void Read_damaged_image_refuses_with_ocr_failed()
    {
        using var folder = new TempFolder();
        var path = folder.Write("hong.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0]);

        var error = Assert.Throws<UnusableInputException>(() => new OcrDocumentReader().Read(path));

        Assert.Contains("hong.png", error.Message);
        Assert.Contains("[input.ocr_failed]", error.Message);
    }
}
