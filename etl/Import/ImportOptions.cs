namespace Bhyt.Etl.Import;

/// <summary>
/// How files are imported: their kind (auto = by extension and header), the reporting unit, the jump bound, and the
/// source (<c>etl.source</c>) the files' figures come from when known (a publication, a document, a synthetic dataset),
/// and the name a folder's batch of claims XML files goes by when not its folder's (the scheduler's batch of the inbox).
/// </summary>
public sealed record ImportOptions(string Kind = ImportKinds.Auto, string? UnitCode = null, decimal JumpBound = Validation.JumpCheck.DefaultBound,
    string? SourceId = null, string? BatchName = null);
