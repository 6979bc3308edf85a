using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// Writes an <see cref="AnnexBook"/> as an Excel workbook: a sheet per table ("PL4", or "PL4 Phường 1" for a child unit),
/// the title lines above the header, header cells merged like the Word tables and frozen, figures as numbers in vi-VN
/// number formats, "-" where there is no figure, each figure's source listed under the table by cell reference, then the
/// validation warnings. A blank book gets a note row per table and its hidden marker as a custom XML part.
/// </summary>
public static class AnnexExcelWriter
{
    private const int HeaderLine = 5;

    public static void Write(AnnexBook book, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = AnnexExcelStyles.Build();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var marked = new List<MarkedTable>();
        for (var i = 0; i < book.Tables.Count; i++)
        {
            var table = book.Tables[i];
            var name = SheetName(table, names);
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = AnnexExcelSheet.Build(book, table, HeaderLine);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = name });
            if (book.Blank) marked.Add(AnnexLayout.Marked(table, i, name, HeaderLine));
        }
        if (book.Blank) AnnexMarkerPart.Write(workbook, new AnnexMarker(book.Unit.Code, marked));
        workbook.Workbook.Save();
    }

    /// <summary>"PL4", "PL4 Phường 1" — at most 31 characters, without the characters Excel forbids, unique in the workbook.</summary>
    private static string SheetName(AnnexTable table, HashSet<string> taken)
    {
        var baseName = table.IsChild ? $"PL{table.Form.Number} {table.Unit.Name}" : $"PL{table.Form.Number}";
        baseName = new string(baseName.Where(c => !"[]:*?/\\'".Contains(c)).ToArray()).Trim();
        if (baseName.Length > 31) baseName = baseName[..31].Trim();
        var name = baseName;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (baseName.Length + suffix.Length > 31 ? baseName[..(31 - suffix.Length)] : baseName) + suffix;
        }
        return name;
    }
}
