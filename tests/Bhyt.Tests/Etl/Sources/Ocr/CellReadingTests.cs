using Bhyt.Etl.Sources.Ocr;

namespace Bhyt.Tests.Etl.Sources.Ocr;

public class CellReadingTests
{
    // A 3-column grid, 4 rows of 60 px: rules 3 px thick at x = 100, 400, 700, 1000 and y = 100, 160, …, 340.
    private static readonly int[] Xs = [100, 400, 700, 1000];
    private static readonly int[] Ys = [100, 160, 220, 280, 340];

    private static GrayImage Grid()
    {
        var pixels = Enumerable.Repeat((byte)255, 1100 * 400).ToArray();
        void Dark(int x, int y) => pixels[y * 1100 + x] = 0;
        foreach (var x in Xs) for (var y = Ys[0]; y <= Ys[^1]; y++) for (var d = -1; d <= 1; d++) Dark(x + d, y);
        foreach (var y in Ys) for (var x = Xs[0]; x <= Xs[^1]; x++) for (var d = -1; d <= 1; d++) Dark(x, y + d);
        // Ink in every cell, right-aligned 10 px from the cell's right rule.
        for (var row = 0; row < Ys.Length - 1; row++)
        for (var column = 0; column < Xs.Length - 1; column++)
        for (var y = Ys[row] + 18; y < Ys[row] + 46; y++)
        for (var x = Xs[column + 1] - 90; x < Xs[column + 1] - 10; x++)
            Dark(x, y);
        return new GrayImage(1100, 400, pixels);
    }

    private static IReadOnlyList<Ruling> Rulings() =>
    [
        .. Xs.Select(x => new Ruling(x, Ys[0], x, Ys[^1], 3)),
        .. Ys.Select(y => new Ruling(Xs[0], y, Xs[^1], y, 3)),
    ];

    private static TsvWord Word(string text, int column, int row, double confidence) =>
        new(text, Xs[column + 1] - 90, Ys[row] + 18, 80, 28, confidence, (1, 1, row + 1));

    private static TsvPage Page(params TsvWord[] words) => new(1, 1100, 400, words);

    private static TsvPage Reading(string text, double confidence) => Page(new TsvWord(text, 12, 12, 80, 28, confidence, (1, 1, 1)));

    [Theory]
    [InlineData("1.234.567", true)]
    [InlineData("89,78", true)]
    [InlineData("95,9%", true)]
    [InlineData("-", true)]
    [InlineData("95,9)", false)]
    [InlineData("1:431.310", false)]
    [InlineData("2.3U/./27", false)]
    [InlineData("Hà Nội", false)]
    public void IsNumber_accepts_figure_shapes_only(string text, bool expected) => Assert.Equal(expected, CellReading.IsNumber(text));

    [Fact]
    public void Reread_numeric_column_takes_the_reading_most_passes_agree_on_with_their_best_confidence()
    {
        var page = Page(
            Word("Tên", 0, 0, 95), Word("Hà Nội", 0, 1, 90), Word("Huế", 0, 2, 92), Word("Cà Mau", 0, 3, 91),
            Word("839,78", 1, 0, 86), Word("1.431.310", 1, 1, 40), Word("2.3U/./27", 1, 2, 9), Word("95,9", 1, 3, 91));
        var calls = new List<(int Count, string? Whitelist)>();

        var result = CellReading.Reread(page, Grid(), Rulings(), (crops, whitelist) =>
        {
            calls.Add((crops.Count, whitelist));
            // Cells in page order: 839,78 / 1.431.310 / 2.3U/./27 / 95,9; the restricted pass gets only the doubtful ones
            // (1.431.310 is read alike and surely the second time, 95,9 too).
            return whitelist is null
                ? [Reading("89,78", 70), Reading("1.431.310", 75), Reading("2.307.227", 50), Reading("95,9", 93)]
                : [Reading("89,78", 65), Reading("2.307.227", 66)];
        });

        Assert.Equal([(4, null), (2, CellReading.NumberCharacters)], calls);
        var texts = result.Words.ToDictionary(w => w.Text, w => w.Confidence);
        Assert.Equal(70, texts["89,78"]);
        Assert.Equal(75, texts["1.431.310"]);
        Assert.Equal(66, texts["2.307.227"]);
        Assert.Equal(93, texts["95,9"]);
        Assert.Equal(95, texts["Tên"]);
        Assert.Equal(8, result.Words.Count);
        // The new reading's box is the cell's ink, mapped back from the crop onto the page.
        var cell = result.Words.Single(w => w.Text == "89,78");
        Assert.InRange(cell.Left + cell.Width / 2.0, Xs[1], Xs[2]);
        Assert.InRange(cell.Top + cell.Height / 2.0, Ys[0], Ys[1]);
    }

    [Fact]
    public void Reread_keeps_the_page_reading_when_no_pass_gives_a_number()
    {
        var page = Page(Word("12", 1, 0, 90), Word("34", 1, 1, 90), Word("5?6", 1, 2, 30), Word("78", 1, 3, 90));

        var result = CellReading.Reread(page, Grid(), Rulings(), (crops, whitelist) =>
            crops.Select(_ => Reading(whitelist is null ? "5?6" : "5/6", 20)).ToList());

        Assert.Equal(["12", "34", "5?6", "78"], result.Words.Select(w => w.Text));
        Assert.Equal(30, result.Words[2].Confidence);
    }

    [Fact]
    public void Reread_leaves_pages_without_a_numeric_column_alone()
    {
        var page = Page(Word("Tên", 0, 0, 95), Word("Hà Nội", 0, 1, 90), Word("Huế", 0, 2, 92), Word("Cà Mau", 0, 3, 91));

        var result = CellReading.Reread(page, Grid(), Rulings(), (_, _) => throw new InvalidOperationException("no OCR expected"));

        Assert.Same(page, result);
    }

    [Fact]
    public void EraseWithThickness_whitens_a_thick_rule_and_its_fringe_and_keeps_the_digit_beside_it()
    {
        var pixels = Enumerable.Repeat((byte)255, 400 * 400).ToArray();
        // A rule 4 px thick drifting one pixel over its height (a residual tilt), grey fringe either side, a "digit" 8 px left of it.
        for (var y = 20; y < 380; y++)
        {
            var x0 = 200 + (y >= 200 ? 1 : 0);
            for (var x = x0; x < x0 + 4; x++) pixels[y * 400 + x] = 20;
            pixels[y * 400 + x0 - 1] = 190;
            pixels[y * 400 + x0 + 4] = 190;
        }
        for (var y = 150; y < 180; y++) for (var x = 172; x < 192; x++) pixels[y * 400 + x] = 0;
        var image = new GrayImage(400, 400, pixels);

        var rulings = RulingErasure.EraseWithThickness(image, 300);

        var rule = Assert.Single(rulings);
        Assert.True(rule.IsVertical);
        Assert.InRange(rule.Thickness, 5, 7); // core, fringe and drift
        Assert.Equal(0, CountDark(image, 195, 210));
        Assert.Equal(20 * 30, CountDark(image, 172, 192));
    }

    private static int CountDark(GrayImage image, int fromX, int toX)
    {
        var dark = 0;
        for (var y = 0; y < image.Height; y++) for (var x = fromX; x < toX; x++) if (image[x, y] < 200) dark++;
        return dark;
    }
}
