namespace Bhyt.Etl.Reporting.Annex;

/// <summary>One table of a template: its form, its unit, where it is, and which cell holds which figure.</summary>
public sealed record MarkedTable(int Form, string UnitCode, int TableIndex, string? Sheet, IReadOnlyList<MarkedRow> Rows,
    IReadOnlyList<MarkedColumn> Columns, int NoteLine, int NoteColumn);
