namespace Bhyt.Etl.Sources.Layout;

/// <summary>One line of words, left to right, with its runs: words close enough to be one cell's text.</summary>
internal sealed class WordLine
{
    public WordLine(IReadOnlyList<PageWord> words)
    {
        Words = words;
        Top = words.Min(w => w.Top);
        Bottom = words.Max(w => w.Bottom);
        Height = words.Select(w => w.Height).Order().ElementAt(words.Count / 2);
        Runs = SplitRuns(words);
    }

    public IReadOnlyList<PageWord> Words { get; }
    public double Top { get; }
    public double Bottom { get; }
    public double Height { get; }
    public IReadOnlyList<WordRun> Runs { get; }
    public double Left => Words[0].Left;
    public double Right => Words[^1].Right;
    public string Text => string.Join(" ", Words.Select(w => w.Text));

    /// <summary>
    /// The widest gap between two words of one cell: wider than a space (about a quarter of an em) and narrower than the
    /// gutter between columns, taken as 1.2 average character widths (about 0.6 em).
    /// </summary>
    public double CellGap => 1.2 * Words.Sum(w => w.Right - w.Left) / Math.Max(1, Words.Sum(w => w.Text.Length));

    private List<WordRun> SplitRuns(IReadOnlyList<PageWord> words)
    {
        var runs = new List<WordRun>();
        var gap = CellGap;
        var start = 0;
        for (var i = 1; i <= words.Count; i++)
        {
            if (i < words.Count && words[i].Left - words[i - 1].Right <= gap) continue;
            runs.Add(new WordRun(words.Skip(start).Take(i - start).ToList()));
            start = i;
        }
        return runs;
    }
}

/// <summary>Adjacent words of one line that read as one cell's text.</summary>
internal sealed record WordRun(IReadOnlyList<PageWord> Words)
{
    public double Left => Words[0].Left;
    public double Right => Words[^1].Right;
    public string Text => string.Join(" ", Words.Select(w => w.Text));
}
