using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>What a table's rows are: indicators (columns are periods), units (columns are period × indicator), or periods (columns are indicators).</summary>
public enum TableOrientation { IndicatorRows, UnitRows, PeriodRows }

/// <summary>
/// How a report table is laid out once its header is read: the header band, which column holds the row labels, the
/// unit of measure and the numbering, what each value column means (period, kind, indicator), where data rows start,
/// and whether the layout came from the form memory.
/// </summary>
public sealed record TableLayout(
    IReadOnlyDictionary<int, TableColumn> Columns, int FirstDataRow, TableOrientation Orientation, int LabelColumn)
{
    /// <summary>The first row of the header band (0-based index into the table's rows).</summary>
    public int HeaderStart { get; init; }

    /// <summary>The "Đơn vị tính" column: the row's unit of measure, never its label or a value.</summary>
    public int? UnitOfMeasureColumn { get; init; }

    /// <summary>The TT/STT column: never a value or a label.</summary>
    public int? NumberingColumn { get; init; }

    /// <summary>Columns left out, with the reason (no period, a comparison column…), said by <c>--explain</c> and as notes.</summary>
    public IReadOnlyList<(int Column, string Header, string Reason)> Skipped { get; init; } = [];

    /// <summary>The header's signature (folded texts, digits masked) under which the form memory keeps this layout.</summary>
    public string Signature { get; init; } = "";

    public bool FromMemory { get; init; }

    /// <summary>The roles this layout was built from, as the form memory stores them.</summary>
    public FormLayout? Form { get; init; }

    public bool PerUnitRows => Orientation == TableOrientation.UnitRows;
}

/// <summary>
/// One value column: its period (null for the indicator columns of a table whose rows are periods), the indicator when
/// the header names it, its kind (actual/target, null when the header is silent), its header text, and the unit its
/// header states in parentheses ("(triệu đồng)"), which scales money.
/// </summary>
public sealed record TableColumn(Period? Period, Indicator? Indicator, string? ValueKind, string Header)
{
    public string? StatedUnit { get; init; }
}
