using System.Xml.Linq;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// The hidden marker of a blank template (a custom XML part of the .docx or .xlsx): the sending unit and, for every table,
/// its form, unit and cell map. The importer recognises a template by this marker and reads every mapped cell, without
/// guessing the layout.
/// </summary>
public sealed record AnnexMarker(string UnitCode, IReadOnlyList<MarkedTable> Tables)
{
    public static readonly XNamespace Namespace = "urn:bhyt-analytics:annex-template:1";

    public XDocument ToXml() => new(new XElement(Namespace + "annexTemplate", new XAttribute("unit", UnitCode),
        Tables.Select(t => new XElement(Namespace + "table",
            new XAttribute("form", t.Form), new XAttribute("unit", t.UnitCode), new XAttribute("index", t.TableIndex),
            t.Sheet is { } s ? new XAttribute("sheet", s) : null,
            new XAttribute("noteLine", t.NoteLine), new XAttribute("noteColumn", t.NoteColumn),
            t.Rows.Select(r => new XElement(Namespace + "row", new XAttribute("line", r.Line), new XAttribute("indicator", r.IndicatorCode))),
            t.Columns.Select(c => new XElement(Namespace + "column", new XAttribute("index", c.Column), new XAttribute("period", c.PeriodLabel),
                new XAttribute("kind", c.ValueKind)))))));

    /// <summary>The marker in <paramref name="xml"/>, or null when it is some other custom XML.</summary>
    public static AnnexMarker? FromXml(XDocument xml)
    {
        if (xml.Root is not { } root || root.Name != Namespace + "annexTemplate") return null;
        var tables = root.Elements(Namespace + "table").Select(t => new MarkedTable(
            Int(t, "form"), Text(t, "unit"), Int(t, "index"), (string?)t.Attribute("sheet"),
            t.Elements(Namespace + "row").Select(r => new MarkedRow(Int(r, "line"), Text(r, "indicator"))).ToList(),
            t.Elements(Namespace + "column").Select(c => new MarkedColumn(Int(c, "index"), Text(c, "period"), Text(c, "kind"))).ToList(),
            Int(t, "noteLine"), Int(t, "noteColumn"))).ToList();
        return new AnnexMarker(Text(root, "unit"), tables);
    }

    private static string Text(XElement element, string name) =>
        (string?)element.Attribute(name) ?? throw new FormatException($"Dấu biểu mẫu thiếu thuộc tính '{name}'.");

    private static int Int(XElement element, string name) =>
        int.Parse(Text(element, name), System.Globalization.CultureInfo.InvariantCulture);
}
