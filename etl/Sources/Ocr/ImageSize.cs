namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// An image's size in pixels read from its header (PNG, JPEG), and the resolution it would have as a scanned A4 page.
/// Tesseract needs a resolution and falls back to 70 dpi when the file states none, which loses small text; the
/// resolution a file states is often wrong too (72 for a 300-dpi scan), so the page's size is the better witness.
/// </summary>
internal static class ImageSize
{
    /// <summary>The longer side of A4, in inches.</summary>
    private const double A4LongSide = 11.69;

    /// <summary>The resolution that makes the image's longer side A4's, within 70–600 dpi; null when the header cannot be read.</summary>
    public static int? AssumedDpi(string path) =>
        Read(path) is { } size ? (int)Math.Clamp(Math.Round(Math.Max(size.Width, size.Height) / A4LongSide), 70, 600) : null;

    public static (int Width, int Height)? Read(string path)
    {
        using var file = File.OpenRead(path);
        var header = new byte[Math.Min(file.Length, 256 * 1024)];
        file.ReadExactly(header);
        if (header.Length >= 24 && header[0] == 0x89 && header[1] == (byte)'P')
            return (BigEndian(header, 16), BigEndian(header, 20));
        return header.Length >= 4 && header[0] == 0xFF && header[1] == 0xD8 ? Jpeg(header) : null;
    }

    private static (int, int)? Jpeg(byte[] data)
    {
        var position = 2;
        while (position + 9 < data.Length && data[position] == 0xFF)
        {
            var marker = data[position + 1];
            var length = data[position + 2] << 8 | data[position + 3];
            // Start-of-frame markers (baseline, progressive…) hold the height then the width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (data[position + 7] << 8 | data[position + 8], data[position + 5] << 8 | data[position + 6]);
            position += 2 + length;
        }
        return null;
    }

    private static int BigEndian(byte[] data, int offset) => data[offset] << 24 | data[offset + 1] << 16 | data[offset + 2] << 8 | data[offset + 3];
}
