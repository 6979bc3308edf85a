namespace Bhyt.Etl.Import;

/// <summary>
/// How files are imported: their kind (auto = by extension and header), the reporting unit, the jump bound, and the
/// source (<c>etl.source</c>) the files' figures come from when known (a publication, a document, a synthetic dataset).
/// </summary>
public sealed record ImportOptions(string Kind = ImportKinds.Auto, string? UnitCode = null, decimal JumpBound = Validation.JumpCheck.DefaultBound,
    string? SourceId = null);
