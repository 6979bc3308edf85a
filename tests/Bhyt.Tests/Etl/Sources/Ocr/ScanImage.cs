using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bhyt.Tests.Etl.Sources.Ocr;

/// <summary>
/// A grey page image as a scanner gives it: rasterised from a PDF by pdftoppm, then turned by a small angle and
/// sprinkled with noise; saved as PNG, or gathered into a scanned PDF (images only, no text layer).
/// </summary>
public sealed class ScanImage(int width, int height, byte[] pixels, int dpi)
{
    public int Width => width;
    public int Height => height;
    public int Dpi => dpi;

    /// <summary>Every page of <paramref name="pdf"/> rasterised in grey at <paramref name="dpi"/>.</summary>
    public static IReadOnlyList<ScanImage> Rasterise(string pdf, int dpi = 200)
    {
        var folder = Directory.CreateTempSubdirectory("bhyt-scan-").FullName;
        try
        {
            using (var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-gray", "-r", dpi.ToString(), pdf, Path.Combine(folder, "p")])
                   { RedirectStandardError = true })!)
            {
                process.WaitForExit();
                if (process.ExitCode != 0) throw new InvalidOperationException("pdftoppm: " + process.StandardError.ReadToEnd());
            }
            return Directory.GetFiles(folder, "p-*.pgm").Order(StringComparer.Ordinal).Select(f => ReadPgm(f, dpi)).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>This page turned by <paramref name="degrees"/> (counter-clockwise) around its centre, white showing at the corners.</summary>
    public ScanImage Rotate(double degrees)
    {
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var result = new byte[pixels.Length];
        double cx = width / 2.0, cy = height / 2.0;
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            // Where the output pixel comes from in the source (inverse rotation), bilinear.
            double dx = x - cx, dy = y - cy;
            var sx = cos * dx - sin * dy + cx;
            var sy = sin * dx + cos * dy + cy;
            result[y * width + x] = Sample(sx, sy);
        }
        return new ScanImage(width, height, result, dpi);
    }

    /// <summary>This page with <paramref name="fraction"/> of its pixels flipped to random dark or light specks and mild grain.</summary>
    public ScanImage Noise(double fraction, int seed)
    {
        var random = new Random(seed);
        var result = (byte[])pixels.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            var grain = result[i] + random.Next(-18, 19);
            result[i] = (byte)Math.Clamp(grain, 0, 255);
            if (random.NextDouble() < fraction) result[i] = (byte)(random.Next(2) == 0 ? random.Next(0, 90) : 255);
        }
        return new ScanImage(width, height, result, dpi);
    }

    /// <summary>Saves the page as an 8-bit grey PNG and returns the path.</summary>
    public string SavePng(string path)
    {
        using var file = File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, width);
        WriteBigEndian(header, 4, height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter method choice, no interlace
        Chunk(file, "IHDR", header);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(pixels, y * width, width);
            }
        Chunk(file, "IDAT", raw.ToArray());
        Chunk(file, "IEND", []);
        return path;
    }

    /// <summary>Gathers PNG pages into a PDF with no text layer (each image fills an A4 page) and returns its path.</summary>
    public static string SaveScannedPdf(string path, IEnumerable<string> pngPages)
    {
        using var document = new PdfDocument();
        foreach (var png in pngPages)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            using var image = XImage.FromFile(png);
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
        }
        document.Save(path);
        return path;
    }

    private byte Sample(double x, double y)
    {
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) return 255;
        double fx = x - x0, fy = y - y0;
        var top = pixels[y0 * width + x0] * (1 - fx) + pixels[y0 * width + x0 + 1] * fx;
        var bottom = pixels[(y0 + 1) * width + x0] * (1 - fx) + pixels[(y0 + 1) * width + x0 + 1] * fx;
        return (byte)Math.Round(top * (1 - fy) + bottom * fy);
    }

    private static ScanImage ReadPgm(string path, int dpi)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        var fields = new string[4];
        for (var i = 0; i < 4; i++)
        {
            while (char.IsWhiteSpace((char)bytes[position])) position++;
            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position])) position++;
            fields[i] = Encoding.ASCII.GetString(bytes, start, position - start);
        }
        position++;
        if (fields[0] != "P5" || fields[3] != "255") throw new InvalidDataException($"{path}: not an 8-bit PGM");
        int w = int.Parse(fields[1]), h = int.Parse(fields[2]);
        return new ScanImage(w, h, bytes[position..(position + w * h)], dpi);
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
