using Bhyt.Etl.Parsing.Encodings;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Bhyt.Etl.Validation;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Etl.Sources;

/// <summary>
/// Reads .xlsx workbooks: each worksheet with content gives one <see cref="RawTable"/> (Sheet = its name). The table
/// starts at the first row with two or more written cells (the header); the non-empty rows above it (titles, the
/// "kèm theo" line) are paragraphs, and the nearest of them titles the table, else the sheet name does. Rows keep
/// their sheet row number; fully empty rows are left out, as blank lines are in text documents. Every row spans the
/// same columns, from the leftmost to the rightmost written one, empty cells as "". A merged range repeats its
/// top-left value in every cell it covers. Numbers are written as stored, not as formatted (see
/// <see cref="XlsxCellText"/>); text is text. A hidden sheet is not read (a warning names it); a formula saved without
/// its result is an error naming its cell, never a blank. The package is checked first (<see cref="OfficePackageCheck"/>).
/// </summary>
public sealed class XlsxDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".xlsx"];

    /// <inheritdoc />
    public RawDocument Read(string path)
    {
        try
        {
            OfficePackageCheck.Check(path, "Excel (.xlsx)");
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            return ReadWorkbook(Path.GetFileName(path), document.WorkbookPart);
        }
        catch (Exception e) when (UnreadableDocument.From(path, e, "Excel (.xlsx)") is { } unreadable)
        {
            throw unreadable;
        }
    }

    private static RawDocument ReadWorkbook(string fileName, WorkbookPart? workbook)
    {
        var paragraphs = new List<RawParagraph>();
        var tables = new List<RawTable>();
        if (workbook?.Workbook?.Sheets is not { } sheets) return new RawDocument(fileName, paragraphs, tables);

        var text = XlsxWorkbookText.Of(workbook);
        var issues = new List<ValidationIssue>();
        foreach (var sheet in sheets.Elements<Sheet>())
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
            var name = sheet.Name?.Value ?? "";
            if (sheet.State?.Value is { } state && state != SheetStateValues.Visible)
            {
                issues.Add(new ValidationIssue(ValidationIssue.Warning, "xlsx.hidden_sheet",
                    $"Trang tính '{name}' đang ẩn nên không được đọc (thường là bản nháp hoặc số cũ); hãy bỏ ẩn nếu số liệu của nó cần nạp.", $"trang tính '{name}'"));
                continue;
            }
            var read = XlsxSheet.Read(part, text);
            issues.AddRange(read.Uncalculated.Select(u => ValidationIssue.ErrorAt("xlsx.formula_uncached",
                $"Ô có công thức ={u.Formula} nhưng tệp không lưu kết quả (tạo bằng phần mềm không tính công thức); hãy mở bằng Excel hoặc LibreOffice rồi lưu lại.",
                $"trang tính '{name}', ô {u.Cell}", "=" + u.Formula)));
            var (sheetParagraphs, table) = Split(read, name, tables.Count);
            paragraphs.AddRange(sheetParagraphs);
            if (table is not null) tables.Add(table);
        }
        return new RawDocument(fileName, paragraphs, tables)
        {
            EncodingNotice = text.Converted.Count > 0 ? EncodingIssue.Converted(text.Converted.Order()) : null,
            ReaderIssues = issues,
        };
    }

    private static (List<RawParagraph> Paragraphs, RawTable? Table) Split(XlsxSheet sheet, string name, int index)
    {
        var spread = sheet.Spread();
        if (spread.Count == 0) return ([], null);

        var header = sheet.Rows.Where(r => r.Value.Count >= 2).Select(r => (int?)r.Key).Min() ?? spread.Keys.First();
        var paragraphs = sheet.Rows.Where(r => r.Key < header)
            .Select(r => new RawParagraph(r.Key, string.Join(" ", r.Value.Values)))
            .ToList();
        var left = spread.Values.Min(r => r.Keys.First());
        var right = spread.Values.Max(r => r.Keys.Last());
        var rows = spread.Where(r => r.Key >= header)
            .Select(r => new RawRow(r.Key, Enumerable.Range(left, right - left + 1)
                .Select(c => r.Value.GetValueOrDefault(c, "")).ToArray()))
            .ToList();
        var title = paragraphs.Count > 0 ? paragraphs[^1].Text : name;
        return (paragraphs, new RawTable(index, title, name, rows));
    }
}
