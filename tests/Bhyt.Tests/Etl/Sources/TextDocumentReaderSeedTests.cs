using Bhyt.Etl.Sources;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Sources;

/// <summary>The real report documents in <c>../shared/seeds</c> split into the tables their annexes hold.</summary>
public class TextDocumentReaderSeedTests
{
    private readonly TextDocumentReader _reader = new();

    [Fact]
    public void Read_seed_001_gives_coverage_row_at_its_line_under_the_period_header()
    {
        var path = SharedSeeds.File("001_");
        string[] coverage = ["1", "Tổng số người dân tham gia BHYT", "131.408", "179.611", "212.612"];

        var document = _reader.Read(path);

        var table = Assert.Single(document.Tables, t => t.Rows.Any(r => r.Cells.SequenceEqual(coverage)));
        var row = table.Rows.Single(r => r.Cells.SequenceEqual(coverage));
        Assert.Equal(LineOf(path, string.Join("\t", coverage)), row.Line);
        Assert.Equal(["STT", "2009-2014", "2015-2019", "2020-2024"], table.Rows[0].Cells.Where((_, i) => i != 1));
        Assert.Contains("2.1. Tỷ lệ bao phủ BHYT", table.Title);
    }

    [Fact]
    public void Read_seed_002_commune_table_keeps_group_headers_over_their_four_columns()
    {
        var document = _reader.Read(SharedSeeds.File("002_"));

        var table = Assert.Single(document.Tables, t => t.Rows[0].Cells.Contains("Đến hết năm 2018"));
        var header = table.Rows[0].Cells;
        Assert.Equal([2, 6, 10], new[] { "2018", "2019", "2020" }.Select(year => IndexOf(header, $"Đến hết năm {year}")));
        Assert.All(table.Rows, r => Assert.Equal(header.Count, r.Cells.Count));
        Assert.All(header.Skip(2).Where((_, i) => i % 4 != 0), cell => Assert.Equal("", cell));
        Assert.Equal(Enumerable.Range(1, 13).Select(n => n.ToString()), table.Rows.Skip(2).Take(13).Select(r => r.Cells[0]));
        Assert.Equal(16, table.Rows.Count);
        Assert.Equal("<b>Cộng</b>", table.Rows[^1].Cells[1]);
        Assert.True(table.Rows.Zip(table.Rows.Skip(1)).All(p => p.First.Line < p.Second.Line));
    }

    [Fact]
    public void Read_seed_000_empty_template_gives_its_annex_tables()
    {
        var document = _reader.Read(SharedSeeds.File("000_"));

        Assert.NotEmpty(document.Paragraphs);
        Assert.NotEmpty(document.Tables);
        Assert.Equal(Enumerable.Range(0, document.Tables.Count), document.Tables.Select(t => t.Index));
        Assert.All(document.Tables, t => Assert.NotEmpty(t.Rows));
    }

    private static int LineOf(string path, string text) =>
        File.ReadLines(path).Select((line, i) => (line, number: i + 1)).Single(x => x.line.TrimEnd() == text).number;

    private static int IndexOf(IReadOnlyList<string> cells, string text) => cells.ToList().IndexOf(text);
}
