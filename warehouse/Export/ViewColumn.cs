namespace Bhyt.Warehouse.Export;

/// <summary>A column of an <c>rpt</c> view as the engine's information_schema declares it (<c>DECIMAL</c> scale included).</summary>
public sealed record ViewColumn(string Name, string DataType, int? NumericScale);
