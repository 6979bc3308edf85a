namespace Bhyt.Etl.Import;

/// <summary>How files are imported: their kind (auto = by extension and header), the reporting unit, the jump bound.</summary>
public sealed record ImportOptions(string Kind = ImportKinds.Auto, string? UnitCode = null, decimal JumpBound = Validation.JumpCheck.DefaultBound);
