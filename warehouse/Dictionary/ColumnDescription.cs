namespace Bhyt.Warehouse.Dictionary;

/// <summary>The description of one column of an <c>rpt</c> view.</summary>
public sealed record ColumnDescription(string Column, DescriptionText Text);
