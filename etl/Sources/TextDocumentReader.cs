using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Etl.Parsing.Encodings;
using Bhyt.Etl.Sources.TextTables;

namespace Bhyt.Etl.Sources;

/// <summary>
/// Reads .md and .txt report documents line by line. Lines of running text are paragraphs, kept as written (markdown
/// markers included) less trailing whitespace; blank lines are dropped. A run of lines holding a TAB is a table, and
/// blank lines inside it do not end it (the seeds' exports break tables with them): only a non-blank line without TAB
/// does. Markdown pipe tables are tables too; their <c>|---|</c> separator line is dropped and, as in markdown, a
/// blank line ends them. Cells are trimmed, markup such as <c>&lt;b&gt;</c> kept, and empty cells (trailing ones too)
/// keep their column. Text is UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1258/TCVN3/VNI converted first
/// (<see cref="VietnameseTextFile"/>); a file whose encoding cannot be decided is refused rather than read as mojibake, and
/// so is one with a line longer than <see cref="MaxLineChars"/>.
/// The lines between those tables are searched for the shapes web copies and OCR give (see
/// <see cref="TextBlock"/>): space-aligned tables (<c>aligned</c>) and tables flattened one cell per line
/// (<c>flattened</c>). Every table says its <see cref="RawTable.Layout"/> and each row keeps the line it starts at.
/// </summary>
public sealed class TextDocumentReader : IDocumentReader
{
    /// <summary>No line of a report comes near it; a longer one is not a report's text (see <see cref="BoundedLines"/>).</summary>
    public const int MaxLineChars = RawDocument.MaxTextChars;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".txt"];

    /// <inheritdoc />
    public RawDocument Read(string path)
    {
        var document = new Builder();
        try
        {
            using var decoded = VietnameseTextFile.Open(path);
            if (decoded.Decision.Rejection is { } reason) throw new UnusableInputException($"{Path.GetFileName(path)}: {reason} [{EncodingIssue.Undecided}]");
            document.EncodingNotice = EncodingIssue.For(decoded.Decision);
            using var reader = new StreamReader(decoded.Path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var number = 0;
            foreach (var line in BoundedLines.Of(reader, MaxLineChars, n => new UnusableInputException(
                         $"{Path.GetFileName(path)}: dòng {n} dài hơn {MaxLineChars:N0} ký tự: không phải văn bản báo cáo (tệp nhị phân hoặc một dòng liền?). [input.line_too_long]")))
                document.Add(++number, line);
        }
        catch (Exception e) when (UnreadableDocument.From(path, e, "văn bản") is { } unreadable)
        {
            throw unreadable;
        }
        return document.Build(Path.GetFileName(path));
    }

    /// <summary>Collects paragraphs and tables as lines arrive.</summary>
    private sealed class Builder
    {
        private readonly List<RawParagraph> _paragraphs = [];
        private readonly List<RawTable> _tables = [];
        private readonly List<TextBlockLine> _block = [];
        private List<RawRow>? _rows;
        private TextLineKind _tableKind;
        private string? _title;

        public Validation.ValidationIssue? EncodingNotice { get; set; }

        public void Add(int number, string line)
        {
            var kind = TextLine.Classify(line);
            if (kind == TextLineKind.Blank)
            {
                if (_tableKind == TextLineKind.PipeRow) EndTable();
                if (_rows is null) _block.Add(new TextBlockLine(number, line));
                return;
            }
            if (kind == TextLineKind.PipeSeparator && _tableKind == TextLineKind.PipeRow) return;
            if (kind is TextLineKind.TabRow or TextLineKind.PipeRow)
            {
                AddRow(kind, new RawRow(number, kind == TextLineKind.TabRow ? TextLine.SplitTabs(line) : TextLine.SplitPipes(line)));
                return;
            }
            EndTable();
            _block.Add(new TextBlockLine(number, line));
        }

        public RawDocument Build(string fileName)
        {
            EndTable();
            EndBlock();
            return new RawDocument(fileName, _paragraphs, _tables) { EncodingNotice = EncodingNotice };
        }

        private void AddRow(TextLineKind kind, RawRow row)
        {
            if (_tableKind != kind)
            {
                EndTable();
                EndBlock();
                _rows = [];
                _tableKind = kind;
            }
            _rows!.Add(row);
        }

        private void EndBlock()
        {
            foreach (var item in TextBlock.Split(_block))
            {
                if (item is RawParagraph paragraph)
                {
                    _paragraphs.Add(paragraph);
                    _title = paragraph.Text;
                }
                else if (item is FoundTable table)
                    _tables.Add(new RawTable(_tables.Count, _title, null, table.Rows) { Layout = table.Layout });
            }
            _block.Clear();
        }

        private void EndTable()
        {
            if (_rows is { Count: > 0 })
                _tables.Add(new RawTable(_tables.Count, _title, null, _rows) { Layout = _tableKind == TextLineKind.TabRow ? "tab" : "pipe" });
            _rows = null;
            _tableKind = TextLineKind.Blank;
        }
    }
}
