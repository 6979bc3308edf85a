using PdfSharp.Drawing;

namespace Bhyt.Tests.Etl.Sources.Pdf;

/// <summary>A one-page PDF holding only an image and no text layer: what a scanner gives.</summary>
public static class ScannedPdf
{
    public static void Write(string path)
    {
        var image = Path.ChangeExtension(path, ".bmp");
        File.WriteAllBytes(image, Bitmap(40, 20));
        var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        using (var picture = XImage.FromFile(image))
            graphics.DrawImage(picture, 50, 50, 400, 200);
        document.Save(path);
    }

    /// <summary>A grey 24-bit BMP with a dark band, as a page scan would be.</summary>
    private static byte[] Bitmap(int width, int height)
    {
        var stride = (width * 3 + 3) & ~3;
        var pixels = stride * height;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write((byte)'B'); writer.Write((byte)'M'); writer.Write(54 + pixels); writer.Write(0); writer.Write(54);
        writer.Write(40); writer.Write(width); writer.Write(height); writer.Write((short)1); writer.Write((short)24);
        writer.Write(0); writer.Write(pixels); writer.Write(2835); writer.Write(2835); writer.Write(0); writer.Write(0);
        for (var row = 0; row < height; row++)
        {
            var shade = (byte)(row is > 8 and < 12 ? 30 : 230);
            for (var i = 0; i < stride; i++) writer.Write(i < width * 3 ? shade : (byte)0);
        }
        writer.Flush();
        return stream.ToArray();
    }
}
