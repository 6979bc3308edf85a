using PdfSharp.Fonts;

namespace Bhyt.Tests.Support;

/// <summary>
/// Serves DejaVu Sans (regular and bold, from Debian's fonts-dejavu-core) to PDFsharp, which has no font lookup on Linux
/// and takes one resolver per process: every PDF the tests and benchmarks write goes through this one.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();

    private static readonly string? Folder = new[] { "/usr/share/fonts/truetype/dejavu/", "/usr/share/fonts/dejavu/", "/usr/share/fonts/TTF/" }
        .FirstOrDefault(f => File.Exists(Path.Combine(f, "DejaVuSans.ttf")));

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DejaVuFontResolver) return;
            if (Folder is null) throw new InvalidOperationException("DejaVuSans.ttf not found: install fonts-dejavu-core");
            GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder!, faceName + ".ttf"));
}
