namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// Finds a scanned page's small tilt by the projection-profile method: dark pixels are projected onto the vertical
/// axis along each candidate slope, and the slope whose profile is sharpest (text lines and ruling lines falling into
/// few rows) wins. Searched within ±<see cref="MaximumDegrees"/>, to <see cref="StepDegrees"/>.
/// </summary>
internal static class ProjectionSkew
{
    public const double MaximumDegrees = 5;
    public const double StepDegrees = 0.1;

    /// <summary>The tilt of the page's lines in radians (positive: they go down to the right).</summary>
    public static double Estimate(GrayImage image)
    {
        // A coarse grid (about 600 px wide) keeps the search cheap; the darkest pixel of each cell stands for it.
        var step = Math.Max(1, image.Width / 600);
        var dark = new List<(int X, int Y)>();
        for (var y = 0; y < image.Height; y += step)
        for (var x = 0; x < image.Width; x += step)
            if (image[x, y] < 128) dark.Add((x / step, y / step));
        if (dark.Count < 100) return 0;

        var rows = image.Height / step + 1;
        var profile = new int[rows * 2];
        double bestScore = -1, bestDegrees = 0;
        for (var degrees = -MaximumDegrees; degrees <= MaximumDegrees + 1e-9; degrees += StepDegrees)
        {
            var slope = Math.Tan(degrees * Math.PI / 180);
            Array.Clear(profile);
            foreach (var (x, y) in dark)
            {
                var row = (int)Math.Round(y - x * slope) + rows / 2;
                if (row >= 0 && row < profile.Length) profile[row]++;
            }
            double score = 0;
            foreach (var count in profile) score += (double)count * count;
            if (score > bestScore + 1e-6 || (Math.Abs(score - bestScore) <= 1e-6 && Math.Abs(degrees) < Math.Abs(bestDegrees)))
                (bestScore, bestDegrees) = (score, degrees);
        }
        return Math.Round(bestDegrees, 1) * Math.PI / 180;
    }
}
