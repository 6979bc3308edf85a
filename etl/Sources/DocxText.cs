using System.Text;
using Bhyt.Etl.Parsing.Encodings;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Etl.Sources;

/// <summary>
/// The plain text of WordprocessingML paragraphs and table cells, formatting (bold, italics) dropped; text in a legacy
/// Vietnamese font (.VnTime, VNI-Times…) is converted to Unicode by the font's encoding (<see cref="LegacyFonts"/>).
/// </summary>
internal static class DocxText
{
    /// <summary>
    /// The paragraph's text: its runs' text with tabs and line breaks as spaces and non-breaking hyphens as '-'.
    /// Text of paragraphs nested in it (text boxes, which Word also stores twice as a fallback) is not its own and
    /// is left out; deleted revisions and field codes are not text and are left out too.
    /// </summary>
    public static string Of(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            var piece = element switch
            {
                Text t => LegacyFonts.Convert(t.Text, DocxRunFont.Of(t)),
                TabChar or Break or CarriageReturn => " ",
                NoBreakHyphen => "-",
                _ => null,
            };
            if (piece is not null && NearestParagraph(element) == paragraph) text.Append(piece);
        }
        return text.ToString().Trim();
    }

    /// <summary>The cell's own paragraphs (not those of tables nested in it), non-empty ones joined by a space.</summary>
    public static string Of(TableCell cell) =>
        string.Join(" ", cell.Descendants<Paragraph>()
            .Where(p => p.Ancestors<TableCell>().First() == cell && !IsNested(p))
            .Select(Of)
            .Where(t => t.Length > 0));

    /// <summary>Whether the paragraph sits inside another paragraph (a text box).</summary>
    public static bool IsNested(OpenXmlElement element) => element.Ancestors<Paragraph>().Any();

    private static Paragraph? NearestParagraph(OpenXmlElement element) => element.Ancestors<Paragraph>().FirstOrDefault();
}
