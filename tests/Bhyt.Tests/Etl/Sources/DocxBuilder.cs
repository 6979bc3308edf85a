using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Tests.Etl.Sources;

/// <summary>Writes small .docx files for reader tests: paragraphs, bold runs, tables with merged cells.</summary>
public sealed class DocxBuilder
{
    private readonly Body _body = new();

    public DocxBuilder Paragraph(params OpenXmlElement[] runs)
    {
        _body.Append(new Paragraph(runs));
        return this;
    }

    public DocxBuilder Paragraph(string text) => Paragraph(Run(text));

    public DocxBuilder Table(params TableRow[] rows)
    {
        _body.Append(new Table(rows));
        return this;
    }

    public void Save(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        document.AddMainDocumentPart().Document = new Document((Body)_body.CloneNode(true));
    }

    public static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A run of text pieces with a line break between each.</summary>
    public static Run Lines(params string[] pieces)
    {
        var run = new Run();
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(pieces[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    public static TableRow Row(params TableCell[] cells) => new(cells);

    /// <summary>A row that starts <paramref name="gridBefore"/> grid columns in.</summary>
    public static TableRow RowAfter(int gridBefore, params TableCell[] cells) =>
        new([new TableRowProperties(new GridBefore { Val = gridBefore }), .. cells]);

    public static TableCell Cell(string text, int span = 1, bool bold = false) =>
        Make(span, null, text.Length == 0 ? new Paragraph() : new Paragraph(Run(text, bold)));

    /// <summary>The first cell of a vertical merge (<c>w:vMerge w:val="restart"</c>).</summary>
    public static TableCell MergeStart(string text) =>
        Make(1, new VerticalMerge { Val = MergedCellValues.Restart }, new Paragraph(Run(text)));

    /// <summary>A continuation of the vertical merge above (<c>&lt;w:vMerge/&gt;</c>), as Word writes it: empty.</summary>
    public static TableCell MergeContinue() => Make(1, new VerticalMerge(), new Paragraph());

    /// <summary>A cell of any content: several paragraphs, a nested table.</summary>
    public static TableCell Cell(params OpenXmlElement[] content) => Make(1, null, content);

    /// <summary>A cell of any content spanning <paramref name="span"/> grid columns.</summary>
    public static TableCell Cell(int span, params OpenXmlElement[] content) => Make(span, null, content);

    private static TableCell Make(int span, VerticalMerge? merge, params OpenXmlElement[] content)
    {
        var properties = new TableCellProperties();
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (merge is not null) properties.Append(merge);
        return new TableCell([properties, .. content]);
    }
}
