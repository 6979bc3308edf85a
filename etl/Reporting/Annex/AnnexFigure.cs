namespace Bhyt.Etl.Reporting.Annex;

/// <summary>A current figure as an annex cell shows it: its value and where it came from, in words for the footnote.</summary>
public sealed record AnnexFigure(string UnitCode, string PeriodLabel, string IndicatorCode, string ValueKind, decimal Value, string Source);
