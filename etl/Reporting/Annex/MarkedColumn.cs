namespace Bhyt.Etl.Reporting.Annex;

/// <summary>A value column of a marked table (0-based cell index in the row) and the period and kind its cells hold.</summary>
public sealed record MarkedColumn(int Column, string PeriodLabel, string ValueKind);
