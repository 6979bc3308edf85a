using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources;
using Bhyt.Etl.Sources.Reports;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Tests.Etl.Sources.Reports;

/// <summary>A figure OCR read with low confidence goes to review instead of loading; a confident one loads.</summary>
public sealed class OcrConfidenceRoutingTests
{
    [Fact]
    public async Task Read_a_cell_below_the_ocr_confidence_floor_becomes_a_candidate_with_a_warning_not_a_figure()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var units = await UnitDirectory.LoadAsync(warehouse.Engine, CancellationToken.None);
        var names = new UnitNameResolver(units);
        var extractor = new ReportExtractor(new FigureResolver(units, names, IndicatorCatalog.Bundled, "672"), units, names);
        CellBox Box(double confidence) => new(1, 100, 200, 160, 212, confidence);
        var document = new RawDocument("scan.pdf", [new RawParagraph(1, "Báo cáo kết quả thực hiện BHYT trên địa bàn thành phố Đà Lạt")],
        [
            new RawTable(0, null, null,
            [
                new RawRow(1, ["Chỉ tiêu", "Năm 2022", "Năm 2023"]) { Boxes = [Box(95), Box(93), Box(94)] },
                new RawRow(2, ["Số người tham gia BHYT", "201.345", "208.9l7"]) { Boxes = [Box(91), Box(88), Box(41)] },
            ]) { Layout = "lattice", Page = 1 },
        ]);

        var extraction = extractor.Read(document, "672", FormMemory.Empty).Extraction;

        var figure = Assert.Single(extraction.Figures);
        Assert.Equal(("2022", 201_345m), (figure.Period.Label, figure.Value));
        Assert.Contains("trang 1", figure.Source.Location);
        var candidate = Assert.Single(extraction.Candidates);
        Assert.Equal(("672", "2023", "cov_participants", 208_917m), (candidate.UnitCode, candidate.PeriodLabel, candidate.IndicatorCode, candidate.Value));
        Assert.Equal(0.41m, candidate.Confidence);
        Assert.Equal("208.9l7", candidate.Sentence.Substring(candidate.SpanStart, candidate.SpanLength));
        Assert.Contains(extraction.Issues, i => i.Rule == "ocr.low_confidence" && i.PeriodLabel == "2023");
    }
}
