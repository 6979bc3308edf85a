namespace Bhyt.Warehouse.Reference;

/// <summary>
/// One administrative unit of the bundled reference (<c>admin_units.csv</c>). <see cref="Name"/> carries the
/// administrative prefix ("Phường Ỷ La"), <see cref="ShortName"/> does not ("Ỷ La").
/// </summary>
public sealed record AdminUnitRecord(
    string UnitCode, string Level, string BoundarySet, string Name, string ShortName, string UnitType,
    string? ParentCode, string? ProvinceCode, DateOnly ValidFrom, DateOnly? ValidTo, string Source);

/// <summary>A pre-2025 unit and a post-2025 unit it went into, with the share of the old unit assigned.</summary>
public sealed record UnitLinkRecord(
    string OldCode, string OldLevel, string NewCode, string NewLevel, string MergeType, decimal Weight, string WeightBasis);
