namespace Bhyt.Warehouse.Dictionary;

/// <summary>An <c>rpt</c> view as the engine's catalog holds it, with its columns in order.</summary>
public sealed record CatalogView(string View, DescriptionText? Description, IReadOnlyList<CatalogColumn> Columns);
