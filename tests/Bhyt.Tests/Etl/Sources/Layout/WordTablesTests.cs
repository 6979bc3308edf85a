using Bhyt.Etl.Sources.Layout;

namespace Bhyt.Tests.Etl.Sources.Layout;

/// <summary>Table rebuilding over positioned words as an OCR engine gives them (no PDF involved).</summary>
public class WordTablesTests
{
    /// <summary>Words of one line: each (text, left) at 6 points per character, 10 points high.</summary>
    private static IEnumerable<PageWord> Line(int page, double top, params (string Text, double Left)[] words) =>
        words.Select(w => new PageWord(page, w.Text, w.Left, top, w.Left + 6 * w.Text.Length, top + 10, 90));

    private static PageContent Page(int number, params IEnumerable<PageWord>[] lines) => new(number, 595, 842, lines.SelectMany(l => l).ToList(), []);

    private static IEnumerable<PageWord> Header(int page, double top) => Line(page, top, ("Tỉnh", 50), ("Năm", 204), ("2021", 226), ("Năm", 304), ("2022", 326));

    private static IEnumerable<PageWord> Row(int page, double top, string name, string a, string b) =>
        Line(page, top, [.. Words(name, 50), (a, 260 - 6 * a.Length), (b, 360 - 6 * b.Length)]);

    /// <summary>The words of <paramref name="text"/> from <paramref name="left"/>, a 4-point space between them.</summary>
    private static IEnumerable<(string, double)> Words(string text, double left)
    {
        foreach (var word in text.Split(' '))
        {
            yield return (word, left);
            left += 6 * word.Length + 4;
        }
    }

    [Fact]
    public void Build_stream_table_over_two_pages_with_page_number_between_is_one_table_without_the_repeated_header()
    {
        var document = WordTables.Build("quet.png",
        [
            Page(1, Line(1, 40, ("Biểu", 50), ("1", 80)), Header(1, 60), Row(1, 80, "Hà Nam", "95,1", "96,2"), Row(1, 100, "Cả nước", "92.001", "1.234.567"),
                Line(1, 800, ("-", 290), ("1", 298), ("-", 306))),
            Page(2, Header(2, 60), Row(2, 80, "Hà Giang", "88,75%", "-")),
        ]);

        var table = Assert.Single(document.Tables);
        Assert.Equal("Biểu 1", table.Title);
        Assert.Equal("stream", table.Layout);
        Assert.Equal(
            ["Tỉnh|Năm 2021|Năm 2022", "Hà Nam|95,1|96,2", "Cả nước|92.001|1.234.567", "Hà Giang|88,75%|-"],
            table.Rows.Select(r => string.Join("|", r.Cells)));
        Assert.Equal(2, table.Rows[3].Boxes![1]!.Page);
        Assert.Equal(90, table.Rows[3].Boxes![1]!.Confidence);
        Assert.Equal(1.0, table.Quality);
    }

    [Fact]
    public void Build_table_on_next_page_after_a_new_title_stays_a_separate_table()
    {
        var document = WordTables.Build("quet.png",
        [
            Page(1, Header(1, 60), Row(1, 80, "Hà Nam", "95,1", "96,2"), Row(1, 100, "Hà Giang", "92.001", "93.100")),
            Page(2, Line(2, 40, ("Biểu", 50), ("2", 80)), Header(2, 60), Row(2, 80, "Hà Nam", "1.200", "1.300"), Row(2, 100, "Hà Giang", "900", "950")),
        ]);

        Assert.Equal(2, document.Tables.Count);
        Assert.Equal("Biểu 2", document.Tables[1].Title);
        Assert.Equal(2, document.Tables[1].Page);
    }

    [Fact]
    public void Build_lines_of_prose_with_wide_justified_gaps_stay_paragraphs()
    {
        var document = WordTables.Build("ke_hoach.pdf",
        [
            // Justified: spaces of 9 points, wider than a plain space, at places that do not line up from line to line.
            Page(1, Line(1, 40, ("Tỷ", 50), ("lệ", 71), ("bao", 92), ("phủ", 119), ("đạt", 146)), Line(1, 55, ("dân", 50), ("số", 80), ("năm", 101), ("2021.", 131))),
        ]);

        Assert.Empty(document.Tables);
        Assert.Equal(["Tỷ lệ bao phủ đạt", "dân số năm 2021."], document.Paragraphs.Select(p => p.Text));
    }
}
