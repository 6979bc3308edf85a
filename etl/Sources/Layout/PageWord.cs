namespace Bhyt.Etl.Sources.Layout;

/// <summary>
/// One word as a PDF text layer or an OCR engine gives it: its text and box on its page (points, origin at the page's
/// top-left corner, y growing downwards) and, for OCR, its confidence (0–100). The common input of
/// <see cref="WordTables"/>, whatever produced the words.
/// </summary>
public sealed record PageWord(int Page, string Text, double Left, double Top, double Right, double Bottom, double? Confidence = null)
{
    public double Height => Bottom - Top;
    public double CenterY => (Top + Bottom) / 2;
}

/// <summary>A ruling line drawn on a page (a table's grid), in the same coordinates as <see cref="PageWord"/>.</summary>
public sealed record RulingLine(int Page, double X1, double Y1, double X2, double Y2)
{
    public bool IsHorizontal => Math.Abs(Y2 - Y1) <= 1.0;
    public bool IsVertical => Math.Abs(X2 - X1) <= 1.0;
}

/// <summary>One page's words and ruling lines.</summary>
public sealed record PageContent(int Page, double Width, double Height, IReadOnlyList<PageWord> Words, IReadOnlyList<RulingLine> Rulings);
