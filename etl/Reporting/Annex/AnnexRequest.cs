using Bhyt.Warehouse.Periods;

namespace Bhyt.Etl.Reporting.Annex;

/// <summary>
/// What to write: the unit, the period columns, the forms, and whether it is a blank template (for the unit itself, or
/// with <see cref="Children"/> one copy of each form per unit below it).
/// </summary>
public sealed record AnnexRequest(string UnitCode, IReadOnlyList<Period> Periods, IReadOnlyList<AnnexForm> Forms, bool Blank = false, bool Children = false);
