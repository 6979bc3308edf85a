namespace Bhyt.Etl.Loading.Details;

/// <summary>
/// A detail line as it waits for its claim: <see cref="ClaimGroup"/> orders the HOSO it came from as the files were read
/// (file in the high 32 bits, HOSO position in the low; a claim repeated in a file keeps the lines of its last HOSO), <see cref="File"/> the file of a .zip (-1 for the file
/// itself), <see cref="Category"/> is already derived from the cost group.
/// </summary>
public readonly record struct StagedDetail(long ClaimGroup, int File, string ClaimId, string Table, int? Line, string? CostGroup, string Category,
    string? Code, decimal? Quantity, decimal? UnitPrice, decimal? Amount, decimal? InsuredAmount, decimal? InsurerPaid);
