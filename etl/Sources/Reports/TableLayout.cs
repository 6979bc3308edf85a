using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// How a report table is laid out once its header is read: which columns hold which period (and, for per-unit
/// tables, which indicator), where data rows start, and whether values are targets.
/// </summary>
public sealed record TableLayout(
    IReadOnlyDictionary<int, TableColumn> Columns, int FirstDataRow, bool PerUnitRows, int LabelColumn);

/// <summary>One value column: its period, the indicator when the header names it (per-unit tables), its kind and header text.</summary>
public sealed record TableColumn(Period Period, Indicator? Indicator, string? ValueKind, string Header);
