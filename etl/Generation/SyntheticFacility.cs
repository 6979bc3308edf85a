namespace Bhyt.Etl.Generation;

/// <summary>One generated health facility: its code, name, tier (2 province, 3 district, 4 commune), ownership, unit and the district it serves.</summary>
public sealed record SyntheticFacility(string Code, string Name, int Tier, string Ownership, string UnitCode, string ProvinceCode, string DistrictCode)
{
    /// <summary>A district or province hospital: where inpatient care happens.</summary>
    public bool IsHospital => Ownership == "public" && Tier <= 3;
}
