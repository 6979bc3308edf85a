namespace Bhyt.Etl.Reporting.Annex;

/// <summary>A value row of a marked table: its line (1-based row of a Word table, sheet row in Excel) and its indicator.</summary>
public sealed record MarkedRow(int Line, string IndicatorCode);
