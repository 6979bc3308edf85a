namespace Bhyt.Warehouse.Querying;

/// <summary>
/// One column of an <c>rpt</c> view as the console's schema browser shows it: the engine's type and the descriptions
/// kept in the catalog (DuckDB <c>COMMENT ON</c>, SQL Server extended property <c>MS_Description</c>); null where none.
/// </summary>
public sealed record RptColumn(string View, string? ViewDescription, string Column, string DataType, string? Description);
