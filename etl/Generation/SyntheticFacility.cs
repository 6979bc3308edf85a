namespace Bhyt.Etl.Generation;

/// <summary>One generated health facility: its code, name, tier (2 province, 3 district, 4 commune), ownership and unit.</summary>
public sealed record SyntheticFacility(string Code, string Name, int Tier, string Ownership, string UnitCode, string ProvinceCode);
