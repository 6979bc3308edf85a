using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Bhyt.Etl.Parsing.Encodings;

namespace Bhyt.Etl.Sources;

/// <summary>
/// The font a piece of Word text is drawn in, as Word decides it: the run's own <c>w:rFonts</c>, else its character
/// style, else its paragraph's style (following <c>w:basedOn</c>), else the document defaults. The high-ANSI font is
/// the one legacy Vietnamese text uses (its letters are bytes 0x80–0xFF), so it is taken before the ASCII one.
/// </summary>
internal static class DocxRunFont
{
    public static string? Of(Text text)
    {
        var run = text.Parent as Run;
        var styles = text.Ancestors<Document>().FirstOrDefault()?.MainDocumentPart?.StyleDefinitionsPart?.Styles;
        return NameOf(run?.RunProperties?.RunFonts)
            ?? StyleFont(styles, run?.RunProperties?.RunStyle?.Val?.Value)
            ?? StyleFont(styles, text.Ancestors<Paragraph>().FirstOrDefault()?.ParagraphProperties?.ParagraphStyleId?.Val?.Value)
            ?? NameOf(styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.RunFonts);
    }

    /// <summary>The legacy encodings of every font the document names (runs, styles, defaults).</summary>
    public static IReadOnlyList<VietnameseEncoding> LegacyEncodingsIn(OpenXmlElement body)
    {
        var styles = body.Ancestors<Document>().FirstOrDefault()?.MainDocumentPart?.StyleDefinitionsPart?.Styles;
        IEnumerable<RunFonts> fonts = body.Descendants<RunFonts>();
        if (styles is not null) fonts = fonts.Concat(styles.Descendants<RunFonts>());
        return fonts.Select(f => LegacyFonts.EncodingOf(NameOf(f))).OfType<VietnameseEncoding>().Distinct().Order().ToList();
    }

    private static string? NameOf(RunFonts? fonts) => fonts?.HighAnsi?.Value ?? fonts?.Ascii?.Value;

    private static string? StyleFont(Styles? styles, string? styleId)
    {
        for (var depth = 0; styles is not null && styleId is not null && depth < 10; depth++)
        {
            var style = styles.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            if (style is null) return null;
            if (NameOf(style.StyleRunProperties?.RunFonts) is { } font) return font;
            styleId = style.BasedOn?.Val?.Value;
        }
        return null;
    }
}
