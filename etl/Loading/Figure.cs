using Bhyt.Warehouse.Periods;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;

namespace Bhyt.Etl.Loading;

/// <summary>Where a figure or an issue came from: a human-readable location and the cell's text as written.</summary>
public sealed record SourceCell(string Location, string Text);

/// <summary>One figure read from a file, resolved to a unit, period and indicator, ready to validate and load.</summary>
public sealed record Figure(UnitRecord Unit, Period Period, Indicator Indicator, string ValueKind, decimal Value, SourceCell Source)
{
    public const string Actual = "actual";
    public const string Target = "target";
}
