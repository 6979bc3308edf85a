namespace Bhyt.Etl.Reporting.Annex;

/// <summary>A unit an annex table is filled for: its official code and name.</summary>
public sealed record AnnexUnit(string Code, string Name);
