namespace Bhyt.Warehouse.Units;

/// <summary>An administrative unit as the warehouse holds it (<c>dw.dim_unit</c>).</summary>
public sealed record UnitRecord(
    int UnitKey, string UnitCode, string Level, string Name, string ShortName, string UnitType, int? ParentKey,
    string? ProvinceCode, string BoundarySet, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

/// <summary>Where to look for a name: under an ancestor unit, at a level, among units valid on a date.</summary>
public sealed record UnitScope(string? AncestorCode = null, string? Level = null, DateOnly? AsOf = null)
{
    public static UnitScope Anywhere { get; } = new();
}

/// <summary>A unit a name may mean, with how sure the match is (1 = identical name) and why.</summary>
public sealed record UnitCandidate(UnitRecord Unit, double Confidence, string Reason);
