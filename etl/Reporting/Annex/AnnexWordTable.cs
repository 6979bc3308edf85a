using Bhyt.Etl.Parsing;
using System.Globalization;
using DocumentFormat.OpenXml;
using Bhyt.Warehouse.Reference;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// One annex table in WordprocessingML: a fixed grid (STT narrow, the label wide, the unit, the value columns sharing the
/// rest), header rows marked to repeat, STT/label/unit merged down the two header rows and each period merged across its
/// "Kế hoạch | Thực hiện" pair, a figure with its source footnote or "-", and in a template a merged note row.
/// </summary>
internal static class AnnexWordTable
{
    private const int NumberingWidth = 700, UnitWidth = 1200;

    public static Table Build(AnnexTable table, bool blank, AnnexFootnotes footnotes)
    {
        var widths = Widths(table);
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) }));
        var result = new Table(Properties(), grid);
        foreach (var row in HeaderRows(table, widths)) result.Append(row);
        foreach (var row in table.Form.Rows) result.Append(DataRow(table, row, widths, blank, footnotes));
        if (blank) result.Append(NoteRow(table, widths));
        return result;
    }

    private static int[] Widths(AnnexTable table)
    {
        var valueWidth = Math.Clamp((AnnexWordWriter.Width - NumberingWidth - UnitWidth - 5000) / Math.Max(1, table.Columns.Count), 900, 2000);
        var label = AnnexWordWriter.Width - NumberingWidth - UnitWidth - valueWidth * table.Columns.Count;
        return [NumberingWidth, Math.Max(2500, label), UnitWidth, .. Enumerable.Repeat(valueWidth, table.Columns.Count)];
    }

    private static TableProperties Properties()
    {
        BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        return new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed });
    }

    private static IEnumerable<TableRow> HeaderRows(AnnexTable table, int[] widths)
    {
        var two = table.HasTargets;
        var top = HeaderRow();
        top.Append(Cell(AnnexLayout.NumberingHeader, widths[0], bold: true, merge: two ? MergedCellValues.Restart : null));
        top.Append(Cell(table.Form.LabelHeader, widths[1], bold: true, merge: two ? MergedCellValues.Restart : null));
        top.Append(Cell(AnnexLayout.UnitHeader, widths[2], bold: true, merge: two ? MergedCellValues.Restart : null));
        var perPeriod = two ? 2 : 1;
        for (var c = 0; c < table.Columns.Count; c += perPeriod)
            top.Append(Cell(table.Columns[c].PeriodHeader, widths[3 + c] * perPeriod, bold: true, span: perPeriod));
        yield return top;
        if (!two) yield break;
        var sub = HeaderRow();
        for (var c = 0; c < 3; c++) sub.Append(Cell("", widths[c], merge: MergedCellValues.Continue));
        for (var c = 0; c < table.Columns.Count; c++) sub.Append(Cell(table.Columns[c].KindHeader, widths[3 + c], bold: true));
        yield return sub;
    }

    private static TableRow HeaderRow() => new(new TableRowProperties(new CantSplit(), new TableHeader()));

    private static TableRow DataRow(AnnexTable table, AnnexRow row, int[] widths, bool blank, AnnexFootnotes footnotes)
    {
        var result = new TableRow(new TableRowProperties(new CantSplit()));
        result.Append(Cell(row.Numbering, widths[0], bold: row.Bold, center: true));
        result.Append(Cell(row.Label, widths[1], bold: row.Bold, left: true));
        result.Append(Cell(row.UnitOfMeasure ?? "", widths[2], center: true));
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (row.IsHeading || blank) { result.Append(Cell("", widths[3 + c])); continue; }
            var figure = table.FigureAt(row, table.Columns[c]);
            var cell = Cell(AnnexNumbers.Format(figure?.Value, IsPercent(row)), widths[3 + c], right: figure is not null, center: figure is null);
            if (figure is not null) cell.GetFirstChild<Paragraph>()!.Append(footnotes.Add(figure.Source));
            result.Append(cell);
        }
        return result;
    }

    private static bool IsPercent(AnnexRow row) =>
        row.IndicatorCode is { } code && IndicatorCatalog.Bundled.Find(code)?.Unit == CatalogUnits.Percent;

    private static TableRow NoteRow(AnnexTable table, int[] widths)
    {
        var result = new TableRow(new TableRowProperties(new CantSplit()));
        result.Append(Cell("", widths[0]));
        result.Append(Cell(AnnexLayout.NoteLabel, widths[1], left: true));
        result.Append(Cell("", widths.Skip(2).Sum(), span: 1 + table.Columns.Count, left: true));
        return result;
    }

    private static TableCell Cell(string text, int width, bool bold = false, int span = 1, MergedCellValues? merge = null,
        bool center = true, bool left = false, bool right = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width) });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (merge is { } m) properties.Append(new VerticalMerge { Val = m });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var alignment = right ? JustificationValues.Right : left ? JustificationValues.Left : center ? JustificationValues.Center : JustificationValues.Left;
        var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20" }, new Justification { Val = alignment }));
        if (text.Length > 0) paragraph.Append(AnnexWordWriter.Run(text, bold, size: 22));
        return new TableCell(properties, paragraph);
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
