namespace Bhyt.Warehouse.Dictionary;

/// <summary>A column of an <c>rpt</c> view as the engine's catalog holds it, with its description (null when it has none).</summary>
public sealed record CatalogColumn(string Column, string DataType, DescriptionText? Description);
