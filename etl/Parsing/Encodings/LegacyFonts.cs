using System.Text;

namespace Bhyt.Etl.Parsing.Encodings;

/// <summary>
/// The legacy Vietnamese fonts of Word and Excel documents and the encoding their text is in: TCVN3 for names starting
/// ".Vn" (.VnTime, .VnArial…; a name ending in "H", such as .VnTimeH, is the capitals font, which draws the small
/// letters' bytes as capitals), VNI for names starting "VNI-" (VNI-Times, VNI-Helve…). A run in such a font stores
/// each byte as the Windows-1252 character Word shows for it, so <see cref="Convert"/> turns the characters back into
/// bytes and decodes them with the font's table.
/// </summary>
public static class LegacyFonts
{
    private static readonly Encoding Windows1252 = LoadWindows1252();

    public static VietnameseEncoding? EncodingOf(string? fontName) => fontName?.Trim() switch
    {
        null => null,
        var name when name.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase) => VietnameseEncoding.Tcvn3,
        var name when name.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase) => VietnameseEncoding.Vni,
        _ => null,
    };

    /// <summary>The text of a run in <paramref name="fontName"/> as Unicode; text in any other font is returned as it is.</summary>
    public static string Convert(string text, string? fontName)
    {
        // Text already in Unicode (typed with a Unicode keyboard while the run kept its old font) has characters no byte stands for.
        if (EncodingOf(fontName) is not { } encoding || text.Any(c => c > 0xFF && !IsWindows1252(c))) return text;
        var decoded = LegacyTable.For(encoding).Decode(BytesOf(text));
        return IsCapitalsFont(fontName!) ? decoded.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) : decoded;
    }

    private static bool IsCapitalsFont(string fontName)
    {
        var name = fontName.Trim();
        return name.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase) && name.EndsWith('H');
    }

    private static byte[] BytesOf(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
            bytes[i] = text[i] <= 0xFF ? (byte)text[i] : Windows1252.GetBytes(text[i].ToString())[0];
        return bytes;
    }

    private static bool IsWindows1252(char c) => Windows1252.GetString(Windows1252.GetBytes(c.ToString())) == c.ToString();

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
