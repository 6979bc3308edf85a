namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// How scanned pages are read: rasterised at <see cref="Dpi"/> in grey, OCR'd by Tesseract in <see cref="Languages"/>
/// with page segmentation mode <see cref="PageSegmentation"/> (4: one column of lines of varying size, which keeps a
/// table's row on one line), at most <see cref="MaxProcesses"/> programs at a time, each within <see cref="PageTimeout"/>.
/// </summary>
public sealed record OcrSettings
{
    public int Dpi { get; init; } = 300;
    public string Languages { get; init; } = "vie";
    public int PageSegmentation { get; init; } = 4;
    public int MaxProcesses { get; init; } = Environment.ProcessorCount;
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Tilts smaller than this (radians) are not worth turning the page for.</summary>
    internal double MinimumTilt => 0.15 * Math.PI / 180;
}
