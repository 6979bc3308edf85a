namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// How sure OCR must be of a cell before its figure loads as a fact: a cell whose least certain word is below
/// <see cref="Floor"/> goes to review instead. One definition, read by every consumer.
/// </summary>
public static class OcrConfidence
{
    /// <summary>Tesseract's word confidence (0–100) below which a recognised figure is not trusted.</summary>
    public const double Floor = 60;

    /// <summary>True when the cell was OCR'd and its lowest word confidence is below <see cref="Floor"/>; false for cells not from OCR.</summary>
    public static bool IsBelowFloor(CellBox? box) => box?.Confidence is { } confidence && confidence < Floor;
}
