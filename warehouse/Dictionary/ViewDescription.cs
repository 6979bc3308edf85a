namespace Bhyt.Warehouse.Dictionary;

/// <summary>The description of one <c>rpt</c> view (its name without the schema) and of its columns, in the source's order.</summary>
public sealed record ViewDescription(string View, DescriptionText Text, IReadOnlyList<ColumnDescription> Columns);
