using System.Text;

namespace Bhyt.Etl.Sources.Ocr;

/// <summary>
/// An 8-bit grey page as pdftoppm writes it (binary PGM): read, turned by a small angle, written back for Tesseract.
/// </summary>
internal sealed class GrayImage(int width, int height, byte[] pixels)
{
    public int Width => width;
    public int Height => height;

    /// <summary>The grey value at (x, y), white outside the page.</summary>
    public byte this[int x, int y] => x < 0 || y < 0 || x >= width || y >= height ? (byte)255 : pixels[y * width + x];

    /// <exception cref="InvalidDataException">The file is not an 8-bit binary PGM.</exception>
    public static GrayImage ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        var header = new string[4];
        for (var i = 0; i < header.Length; i++)
        {
            while (position < bytes.Length && char.IsWhiteSpace((char)bytes[position])) position++;
            var start = position;
            while (position < bytes.Length && !char.IsWhiteSpace((char)bytes[position])) position++;
            header[i] = Encoding.ASCII.GetString(bytes, start, position - start);
        }
        position++;
        if (header[0] != "P5" || header[3] != "255" || !int.TryParse(header[1], out var w) || !int.TryParse(header[2], out var h)
            || bytes.Length - position < (long)w * h)
            throw new InvalidDataException($"{Path.GetFileName(path)}: không phải ảnh PGM 8 bit");
        return new GrayImage(w, h, bytes[position..(position + w * h)]);
    }

    /// <summary>Whitens dark pixels with no dark neighbour (scanner dust a pixel wide), in place.</summary>
    public void Despeckle()
    {
        for (var y = 1; y < height - 1; y++)
        for (var x = 1; x < width - 1; x++)
        {
            if (pixels[y * width + x] >= 128) continue;
            var lonely = true;
            for (var dy = -1; dy <= 1 && lonely; dy++)
            for (var dx = -1; dx <= 1; dx++)
                if ((dx != 0 || dy != 0) && pixels[(y + dy) * width + x + dx] < 128) { lonely = false; break; }
            if (lonely) pixels[y * width + x] = 255;
        }
    }

    /// <summary>Whitens one pixel; nothing outside the page.</summary>
    public void SetWhite(int x, int y)
    {
        if (x >= 0 && y >= 0 && x < width && y < height) pixels[y * width + x] = 255;
    }

    /// <summary>
    /// The rectangle [<paramref name="left"/>, <paramref name="right"/>) × [<paramref name="top"/>, <paramref name="bottom"/>)
    /// enlarged <paramref name="scale"/> times (nearest pixel) inside a white border of <paramref name="border"/> pixels;
    /// dark pixels are made black and the rest white at <paramref name="threshold"/>.
    /// </summary>
    public GrayImage Crop(int left, int top, int right, int bottom, int scale, int border, byte threshold)
    {
        int w = Math.Max(1, right - left) * scale + 2 * border, h = Math.Max(1, bottom - top) * scale + 2 * border;
        var result = new byte[w * h];
        Array.Fill(result, (byte)255);
        for (var y = 0; y < (bottom - top) * scale; y++)
        for (var x = 0; x < (right - left) * scale; x++)
            result[(y + border) * w + x + border] = this[left + x / scale, top + y / scale] < threshold ? (byte)0 : (byte)255;
        return new GrayImage(w, h, result);
    }

    /// <summary>The dark pixels' bounding box within a rectangle, or null when it has fewer than <paramref name="minimum"/> of them.</summary>
    public (int Left, int Top, int Right, int Bottom)? Ink(int left, int top, int right, int bottom, byte threshold, int minimum)
    {
        int l = int.MaxValue, t = int.MaxValue, r = -1, b = -1, count = 0;
        for (var y = top; y < bottom; y++)
        for (var x = left; x < right; x++)
        {
            if (this[x, y] >= threshold) continue;
            count++;
            l = Math.Min(l, x); r = Math.Max(r, x); t = Math.Min(t, y); b = Math.Max(b, y);
        }
        return count < minimum ? null : (l, t, r + 1, b + 1);
    }

    /// <summary>Otsu's threshold of the page: the grey level that best splits ink from paper.</summary>
    public byte OtsuThreshold()
    {
        var histogram = new long[256];
        foreach (var p in pixels) histogram[p]++;
        double total = pixels.Length, sum = 0;
        for (var i = 0; i < 256; i++) sum += i * (double)histogram[i];
        double sumBelow = 0, weightBelow = 0, best = -1;
        var threshold = 128;
        for (var t = 0; t < 256; t++)
        {
            weightBelow += histogram[t];
            if (weightBelow == 0) continue;
            var weightAbove = total - weightBelow;
            if (weightAbove == 0) break;
            sumBelow += t * (double)histogram[t];
            double meanBelow = sumBelow / weightBelow, meanAbove = (sum - sumBelow) / weightAbove;
            var between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) (best, threshold) = (between, t + 1);
        }
        return (byte)Math.Clamp(threshold, 1, 255);
    }

    public void WritePgm(string path)
    {
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"P5\n{width} {height}\n255\n"));
        file.Write(pixels);
    }

    /// <summary>
    /// The page turned so that text lines with slope tan(<paramref name="radians"/>) (y down) become horizontal;
    /// bilinear, same size, white where nothing of the page shows.
    /// </summary>
    public GrayImage Levelled(double radians)
    {
        var (sin, cos) = Math.SinCos(radians);
        var result = new byte[pixels.Length];
        double cx = width / 2.0, cy = height / 2.0;
        for (var y = 0; y < height; y++)
        {
            var v = y - cy;
            for (var x = 0; x < width; x++)
            {
                var u = x - cx;
                result[y * width + x] = Sample(cos * u - sin * v + cx, sin * u + cos * v + cy);
            }
        }
        return new GrayImage(width, height, result);
    }

    private byte Sample(double x, double y)
    {
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        var top = this[x0, y0] * (1 - fx) + this[x0 + 1, y0] * fx;
        var bottom = this[x0, y0 + 1] * (1 - fx) + this[x0 + 1, y0 + 1] * fx;
        return (byte)Math.Round(top * (1 - fy) + bottom * fy);
    }
}
