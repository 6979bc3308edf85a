using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>The footnotes part of an annex document: Word's two separators, then one numbered footnote per figure's source.</summary>
internal sealed class AnnexFootnotes(FootnotesPart part)
{
    private readonly Footnotes _footnotes = new(
        new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
        new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
    private long _next = 1;

    /// <summary>Adds a footnote with <paramref name="text"/> and returns the run that refers to it.</summary>
    public Run Add(string text)
    {
        var id = _next++;
        _footnotes.Append(new Footnote(new Paragraph(
            new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
            AnnexWordWriter.Run(" " + text, size: 18))) { Id = id });
        return new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = id });
    }

    public void Save() => part.Footnotes = _footnotes;
}
