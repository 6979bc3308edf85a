using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Generation;

/// <summary>The real pre-2025 administrative units a generation run covers.</summary>
public sealed class GenerationScope
{
    /// <summary>Default district for <c>--scale district</c>: Thành phố Đà Lạt.</summary>
    public const string DefaultDistrict = "672";

    /// <summary>Default province for <c>--scale province</c>: Lâm Đồng.</summary>
    public const string DefaultProvince = "68";

    private GenerationScope(string scale, IReadOnlyList<AdminUnitRecord> provinces, IReadOnlyList<AdminUnitRecord> districts, IReadOnlyList<AdminUnitRecord> communes)
    {
        Scale = scale;
        Provinces = provinces;
        Districts = districts;
        Communes = communes;
    }

    /// <summary>district, province or national.</summary>
    public string Scale { get; }

    /// <summary>Provinces touched by the scope (for a district scope, the district's province).</summary>
    public IReadOnlyList<AdminUnitRecord> Provinces { get; }

    /// <summary>Districts in scope.</summary>
    public IReadOnlyList<AdminUnitRecord> Districts { get; }

    /// <summary>Communes in scope.</summary>
    public IReadOnlyList<AdminUnitRecord> Communes { get; }

    /// <summary>Communes of one district, in code order.</summary>
    public IEnumerable<AdminUnitRecord> CommunesOf(string districtCode) => Communes.Where(c => c.ParentCode == districtCode);

    /// <summary>Districts of one province, in code order.</summary>
    public IEnumerable<AdminUnitRecord> DistrictsOf(string provinceCode) => Districts.Where(d => d.ParentCode == provinceCode);

    /// <summary>Builds the scope from the bundled reference (pre-2025 boundary set).</summary>
    public static GenerationScope For(string scale, string province = DefaultProvince)
    {
        var units = AdminUnitReference.BundledUnits().Where(u => u.BoundarySet == "pre2025").OrderBy(u => u.UnitCode, StringComparer.Ordinal).ToList();
        var provinces = units.Where(u => u.Level == "province").ToList();
        var districts = units.Where(u => u.Level == "district").ToList();
        var communes = units.Where(u => u.Level == "commune").ToList();
        switch (scale)
        {
            case "district":
                var district = districts.Single(d => d.UnitCode == DefaultDistrict);
                return new GenerationScope(scale, provinces.Where(p => p.UnitCode == district.ParentCode).ToList(), [district],
                    communes.Where(c => c.ParentCode == DefaultDistrict).ToList());
            case "province":
                if (provinces.All(p => p.UnitCode != province)) throw new ArgumentException($"--province: không có tỉnh mã '{province}' (trước 1/7/2025).");
                var inProvince = districts.Where(d => d.ParentCode == province).ToList();
                var codes = inProvince.Select(d => d.UnitCode).ToHashSet();
                return new GenerationScope(scale, provinces.Where(p => p.UnitCode == province).ToList(), inProvince,
                    communes.Where(c => c.ParentCode is not null && codes.Contains(c.ParentCode)).ToList());
            default:
                return new GenerationScope(scale, provinces, districts, communes);
        }
    }
}
