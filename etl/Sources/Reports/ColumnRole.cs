namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// What one value column of a recognised form means, independent of the year printed in its header: the form memory
/// stores these and rebuilds a <see cref="TableColumn"/> from the next copy's header. <see cref="Period"/> says where its
/// period comes from: <c>header</c> (read from the column's header), <c>reference</c> (the table's reference period) or
/// <c>none</c> (a table whose rows are periods).
/// </summary>
public sealed record ColumnRole(int Column, string? IndicatorCode, string? Kind, string Period, string? StatedUnit)
{
    public const string FromHeader = "header";
    public const string FromReference = "reference";
    public const string None = "none";
}

/// <summary>A recognised form: orientation, label/unit/numbering columns, header rows and value-column roles.</summary>
public sealed record FormLayout(
    TableOrientation Orientation, int LabelColumn, int? UnitOfMeasureColumn, int? NumberingColumn, int HeaderRows,
    IReadOnlyList<ColumnRole> Columns, string? TitleIndicatorCode = null);
