using System.Text.RegularExpressions;
using Bhyt.Etl.Reporting.Annex;
using Bhyt.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Tests.Etl.Reporting.Annex;

/// <summary>The Word annex read back with OpenXml: valid, landscape, header structure, the seed's figures in the seed's places, footnotes.</summary>
public sealed partial class AnnexWordDocumentTests
{
    private static async Task<(TempWarehouse Warehouse, string File)> DaLatAnnexAsync(AnnexFormat format = AnnexFormat.Word)
    {
        var warehouse = await TempWarehouse.InitialisedAsync();
        await AnnexTestData.ImportAsync(warehouse, AnnexTestData.DaLatSample);
        var file = await AnnexTestData.ExportAsync(warehouse, new AnnexRequest(AnnexTestData.DaLat, AnnexTestData.ReviewPeriods, AnnexForms.All), format, "dalat");
        return (warehouse, file);
    }

    [Fact]
    public async Task Write_daLatSample_passesOpenXmlValidatorOnA4Landscape()
    {
        var (warehouse, file) = await DaLatAnnexAsync();
        await using var _ = warehouse;
        using var document = WordprocessingDocument.Open(file, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var size = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value);
        Assert.Equal(6, document.MainDocumentPart.Document.Body.Elements<Table>().Count());
    }

    [Fact]
    public async Task Write_daLatSample_holdsTheSeedFiguresWhereTheSeedTablesHaveThemAndDashesWhereItHasNone()
    {
        var seed = File.ReadAllLines(SharedSeeds.File("001_"));
        var (warehouse, file) = await DaLatAnnexAsync();
        await using var _ = warehouse;
        using var document = WordprocessingDocument.Open(file, false);
        var tables = document.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();
        var checkedCells = 0;
        foreach (var (heading, formIndex) in new[] { ("2.1.", 0), ("2.2.", 1), ("2.3.", 2), ("2.4.", 4) })
        {
            var rows = Rows(tables[formIndex]);
            var next = 0;
            foreach (var seedRow in SeedTable(seed, heading))
            {
                var label = Key(seedRow[1]);
                var at = rows.FindIndex(next, r => Key(r[1]) == label);
                Assert.True(at >= 0, $"row '{seedRow[1]}' of seed table {heading} not found in Phụ lục {formIndex + 4}");
                next = at + 1;
                for (var p = 0; p < 3; p++)
                {
                    var expected = Figure(seedRow[2 + p]);
                    var actual = Figure(rows[at][3 + p]);
                    Assert.True(expected == actual || expected is null && actual is null,
                        $"{heading} '{seedRow[1]}' column {p + 1}: seed '{seedRow[2 + p]}', annex '{rows[at][3 + p]}'");
                    checkedCells++;
                }
            }
        }
        Assert.True(checkedCells >= 100, $"only {checkedCells} cells compared");
    }

    [Fact]
    public async Task Write_figures_eachCarriesAFootnoteNamingItsSubmissionFile()
    {
        var (warehouse, file) = await DaLatAnnexAsync();
        await using var _ = warehouse;
        using var document = WordprocessingDocument.Open(file, false);
        var footnotes = document.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Id!.Value > 0).ToDictionary(f => f.Id!.Value, f => f.InnerText);
        var figureCells = document.MainDocumentPart.Document!.Body!.Elements<Table>().SelectMany(t => t.Elements<TableRow>().Skip(1))
            .SelectMany(r => r.Elements<TableCell>().Skip(AnnexLayout.FirstValueColumn)).Where(c => c.InnerText.Length > 0 && c.InnerText != "-").ToList();
        Assert.Equal(80, footnotes.Count);
        Assert.All(figureCells, cell =>
        {
            var reference = cell.Descendants<FootnoteReference>().Single();
            Assert.Contains("seed_001_figures.csv", footnotes[reference.Id!.Value]);
        });
        Assert.Contains(document.MainDocumentPart.Document.Body.Elements<Paragraph>(), p => p.InnerText.StartsWith("Cảnh báo kiểm tra số liệu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_formWithTargets_mergesThePeriodOverPlanAndResultAndRepeatsHeaderRows()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await AnnexTestData.ImportAsync(warehouse, await AnnexTestData.WriteVariedSubmissionAsync(warehouse));
        var file = await AnnexTestData.ExportAsync(warehouse, new AnnexRequest(AnnexTestData.DaLat, AnnexTestData.ReviewPeriods, [AnnexForms.Coverage]), AnnexFormat.Word, "pl4");
        using var document = WordprocessingDocument.Open(file, false);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>().First();
        var header = table.Elements<TableRow>().Take(2).ToList();
        Assert.All(header, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        var top = header[0].Elements<TableCell>().ToList();
        Assert.Equal(["STT", "Tỷ lệ bao phủ BHYT", "Đơn vị tính", "2009-2014", "2015-2019", "2020-2024"], top.Select(c => c.InnerText));
        Assert.All(top.Skip(3), c => Assert.Equal(2, c.TableCellProperties!.GridSpan!.Val!.Value));
        Assert.All(top.Take(3), c => Assert.Equal(MergedCellValues.Restart, c.TableCellProperties!.VerticalMerge!.Val!.Value));
        Assert.Equal(["Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện"], header[1].Elements<TableCell>().Skip(3).Select(c => c.InnerText));
        var rate = table.Elements<TableRow>().Single(r => r.Elements<TableCell>().ElementAt(1).InnerText.StartsWith("Tỷ lệ người dân", StringComparison.Ordinal));
        Assert.Equal("92,1", FigureText(rate, 7));
        Assert.Equal("90,6", FigureText(rate, 5));
    }

    private static string FigureText(TableRow row, int cell) =>
        string.Concat(row.Elements<TableCell>().ElementAt(cell).Descendants<Run>().Where(r => r.GetFirstChild<FootnoteReference>() is null).Select(r => r.InnerText));

    private static List<string[]> Rows(Table table) =>
        table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c =>
            string.Concat(c.Descendants<Run>().Where(run => run.GetFirstChild<FootnoteReference>() is null).Select(run => run.InnerText))).ToArray()).ToList();

    /// <summary>The rows with at least one figure of the seed's table under the heading starting with <paramref name="heading"/>.</summary>
    private static IEnumerable<string[]> SeedTable(string[] lines, string heading)
    {
        var start = Array.FindIndex(lines, l => l.TrimStart('#', ' ', '*').StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"seed heading {heading} not found");
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith("STT\t", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith('#')))
        {
            var cells = line.Split('\t');
            if (cells.Length < 5 || cells.Skip(2).Take(3).All(c => c.Trim().Length == 0)) continue;
            yield return cells;
        }
    }

    private static string Key(string label) => Regex.Replace(Regex.Replace(label, "<[^>]+>", "").ToLowerInvariant(), @"[^\p{L}\p{N}]+", " ").Trim();

    /// <summary>
    /// A cell's figure read the Vietnamese way, without markup and the unit the seed writes in the cell ("60,85%",
    /// "622.943 triệu đồng"); null for "-" and for an empty cell, which both mean not reported.
    /// </summary>
    private static decimal? Figure(string cell)
    {
        var text = Regex.Replace(cell, "<[^>]+>", "").Replace("%", "").Replace("triệu đồng", "").Trim();
        return text is "" or "-" ? null : decimal.Parse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
    }
}
