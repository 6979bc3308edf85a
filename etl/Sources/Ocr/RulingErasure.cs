using Bhyt.Etl.Sources.Layout;

namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// Finds a scanned table's ruling lines (dark runs much longer than any letter's stroke, horizontal or vertical) and
/// whitens them: Tesseract reads a grid as <c>|</c>, <c>-</c> and broken digits, while the lines themselves are
/// worth more as <see cref="RulingLine"/>s for <see cref="WordTables"/>'s lattice reading.
/// </summary>
internal static class RulingErasure
{
    private const byte Dark = 200;
    private const int Gap = 2;
    private const int Fringe = 2;

    /// <summary>Whitens the rulings of <paramref name="image"/> in place and returns them in pixels.</summary>
    public static IReadOnlyList<(double X1, double Y1, double X2, double Y2)> Erase(GrayImage image, int dpi) =>
        EraseWithThickness(image, dpi).Select(r => (r.X1, r.Y1, r.X2, r.Y2)).ToList();

    /// <summary>
    /// Whitens the rulings of <paramref name="image"/> in place, each over its full thickness (what a residual tilt
    /// spreads it over included) and two pixels of fringe either side, and returns them in pixels with that thickness.
    /// </summary>
    public static IReadOnlyList<Ruling> EraseWithThickness(GrayImage image, int dpi)
    {
        // A third of an inch is longer than any letter at text sizes, shorter than any table cell's border.
        var minimum = Math.Max(20, dpi / 3);
        var horizontal = Runs(image.Width, image.Height, minimum, (along, across) => image[along, across]);
        var vertical = Runs(image.Height, image.Width, minimum, (along, across) => image[across, along]);
        // The grey fringe a line leaves beside its dark core goes too, or Tesseract still reads it as a 1, a ) or a 3.
        foreach (var (across, from, to) in horizontal)
            for (var x = from; x <= to; x++)
            for (var fringe = across - Fringe; fringe <= across + Fringe; fringe++) image.SetWhite(x, fringe);
        foreach (var (across, from, to) in vertical)
            for (var y = from; y <= to; y++)
            for (var fringe = across - Fringe; fringe <= across + Fringe; fringe++) image.SetWhite(fringe, y);
        return
        [
            .. Merge(horizontal).Select(s => new Ruling(s.From, s.Across, s.To, s.Across, s.Thickness)),
            .. Merge(vertical).Select(s => new Ruling(s.Across, s.From, s.Across, s.To, s.Thickness)),
        ];
    }

    /// <summary>Dark runs at least <paramref name="minimum"/> long (small gaps bridged) on every line across.</summary>
    private static List<(int Across, int From, int To)> Runs(int length, int lines, int minimum, Func<int, int, byte> pixel)
    {
        var runs = new List<(int, int, int)>();
        for (var across = 0; across < lines; across++)
        {
            int start = -1, last = -1;
            for (var along = 0; along <= length; along++)
            {
                var dark = along < length && pixel(along, across) < Dark;
                if (dark)
                {
                    if (start < 0 || along - last > Gap + 1) { Close(); start = along; }
                    last = along;
                }
            }
            Close();

            void Close()
            {
                if (start >= 0 && last - start + 1 >= minimum) runs.Add((across, start, last));
                start = -1;
            }
        }
        return runs;
    }

    /// <summary>Runs on neighbouring lines that overlap merged into one ruling at their middle.</summary>
    private static IEnumerable<(double Across, double From, double To, double Thickness)> Merge(List<(int Across, int From, int To)> runs)
    {
        var groups = new List<List<(int Across, int From, int To)>>();
        foreach (var run in runs.OrderBy(r => r.Across))
        {
            var group = groups.LastOrDefault(g => run.Across - g[^1].Across <= Gap + 1 && run.From <= g.Max(r => r.To) && run.To >= g.Min(r => r.From));
            if (group is null) groups.Add([run]);
            else group.Add(run);
        }
        return groups.Select(g => (g.Average(r => (double)r.Across), (double)g.Min(r => r.From), (double)g.Max(r => r.To),
            (double)(g.Max(r => r.Across) - g.Min(r => r.Across) + 1)));
    }
}

/// <summary>A ruling line in pixels; <see cref="Thickness"/> is how wide it is across (its tilt's drift included).</summary>
internal sealed record Ruling(double X1, double Y1, double X2, double Y2, double Thickness)
{
    public bool IsVertical => X1 == X2 && Y2 > Y1;
    public bool IsHorizontal => Y1 == Y2 && X2 > X1;
}
