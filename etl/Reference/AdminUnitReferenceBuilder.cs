using System.Text.Json;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Etl.Reference;

/// <summary>
/// Derives the compact unit reference (<c>admin_units.csv</c>, <c>admin_unit_links.csv</c>) from the published
/// sources: <c>sorted.json</c> (GSO catalogue via daohoangson/dvhcvn, pre-2025 hierarchy) and
/// <c>splits.json</c>/<c>merges.json</c> (dvhcvn/20250701, old ↔ new units of the 2025 reform).
/// </summary>
public static class AdminUnitReferenceBuilder
{
    private const string SortedSource = "dvhcvn/sorted.json@4b1b6b5";
    private const string ReformSource = "dvhcvn-20250701/merges.json@dd94887";

    private static readonly string[] ProvincePrefixes = ["Thành phố", "Tỉnh"];
    private static readonly string[] CommunePrefixes = ["Đặc khu", "Phường", "Xã", "Thị trấn"];

    public sealed record Result(IReadOnlyList<AdminUnitRecord> Units, IReadOnlyList<UnitLinkRecord> Links);

    public static Result Build(string sourceDirectory)
    {
        using var sorted = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sourceDirectory, "sorted.json")));
        using var splits = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sourceDirectory, "splits.json")));
        using var merges = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sourceDirectory, "merges.json")));

        var units = new List<AdminUnitRecord>
        {
            new(BoundarySets.CountryCode, "country", BoundarySets.National, "Việt Nam", "Việt Nam", "Quốc gia",
                null, null, BoundarySets.Pre2025ValidFrom, null, "—"),
        };
        units.AddRange(PreReformUnits(sorted.RootElement));
        var (newUnits, mergeTypes) = PostReformUnits(merges.RootElement);
        units.AddRange(newUnits);
        var links = Links(splits.RootElement, units, mergeTypes);
        links.AddRange(DistrictsMergedWhole(mergeTypes, units));
        return new Result(units, links);
    }

    private static IEnumerable<AdminUnitRecord> PreReformUnits(JsonElement sorted)
    {
        foreach (var province in sorted.EnumerateArray())
        {
            var provinceCode = province[0].GetString()!;
            yield return PreReform(province, "province", BoundarySets.CountryCode, provinceCode);
            foreach (var district in province[4].EnumerateArray())
            {
                var districtCode = district[0].GetString()!;
                yield return PreReform(district, "district", provinceCode, provinceCode);
                foreach (var commune in district[4].EnumerateArray())
                    yield return PreReform(commune, "commune", districtCode, provinceCode);
            }
        }
    }

    private static AdminUnitRecord PreReform(JsonElement node, string level, string parent, string province)
    {
        var shortName = node[1].GetString()!.Trim();
        var type = NormaliseType(node[2].GetString()!);
        return new AdminUnitRecord(node[0].GetString()!, level, BoundarySets.Pre2025, $"{type} {shortName}", shortName, type,
            parent, province, BoundarySets.Pre2025ValidFrom, BoundarySets.Pre2025ValidTo, SortedSource);
    }

    private static (List<AdminUnitRecord> Units, Dictionary<(string New, string Old), string> MergeTypes) PostReformUnits(JsonElement merges)
    {
        var units = new List<AdminUnitRecord>();
        var mergeTypes = new Dictionary<(string, string), string>();
        foreach (var province in merges.GetProperty("data").EnumerateArray())
        {
            var provinceCode = province.GetProperty("level1_id").GetString()!;
            units.Add(PostReform(provinceCode, province.GetProperty("name").GetString()!, "province", BoundarySets.CountryCode, provinceCode, ProvincePrefixes));
            foreach (var commune in province.GetProperty("level2s").EnumerateArray())
            {
                var communeCode = commune.GetProperty("level2_id").GetString()!;
                units.Add(PostReform(communeCode, commune.GetProperty("name").GetString()!, "commune", provinceCode, provinceCode, CommunePrefixes));
                foreach (var old in commune.GetProperty("merges").EnumerateArray())
                    mergeTypes[(communeCode, old.GetProperty("old_id").GetString()!)] = old.GetProperty("type").GetString()!;
            }
        }
        return (units, mergeTypes);
    }

    private static AdminUnitRecord PostReform(string code, string fullName, string level, string parent, string province, string[] prefixes)
    {
        var name = fullName.Trim();
        var prefix = prefixes.FirstOrDefault(p => name.StartsWith(p + " ", StringComparison.OrdinalIgnoreCase));
        var shortName = prefix is null ? name : name[(prefix.Length + 1)..].Trim();
        var type = prefix ?? prefixes[^1];
        return new AdminUnitRecord(code, level, BoundarySets.Post2025, $"{type} {shortName}", shortName, type,
            parent, province, BoundarySets.ReformDate, null, ReformSource);
    }

    private static List<UnitLinkRecord> Links(JsonElement splits, IReadOnlyList<AdminUnitRecord> units,
        Dictionary<(string New, string Old), string> mergeTypes)
    {
        var newProvinceOfCommune = units.Where(u => u.BoundarySet == BoundarySets.Post2025 && u.Level == "commune")
            .ToDictionary(u => u.UnitCode, u => u.ProvinceCode!);
        var districtOfCommune = units.Where(u => u.BoundarySet == BoundarySets.Pre2025 && u.Level == "commune")
            .ToDictionary(u => u.UnitCode, u => u.ParentCode!);
        var links = new List<UnitLinkRecord>();
        var districtShares = new Dictionary<(string District, string NewProvince), decimal>();

        foreach (var province in splits.GetProperty("data").EnumerateArray())
        {
            var oldProvince = province.GetProperty("level1_id").GetString()!;
            var newProvinces = province.GetProperty("splits").EnumerateArray().Select(s => s.GetProperty("new_id").GetString()!).ToList();
            links.AddRange(newProvinces.Select(p => Link(oldProvince, "province", p, "province", newProvinces.Count, "full")));

            foreach (var commune in province.GetProperty("level3s").EnumerateArray())
            {
                var oldCommune = commune.GetProperty("level3_id").GetString()!;
                var targets = commune.GetProperty("splits").EnumerateArray().Select(s => s.GetProperty("new_id").GetString()!).ToList();
                foreach (var target in targets)
                {
                    var type = mergeTypes.GetValueOrDefault((target, oldCommune)) ?? (targets.Count == 1 ? "full" : "partial");
                    var link = Link(oldCommune, "commune", target, "commune", targets.Count, type);
                    links.Add(link);
                    var key = (districtOfCommune[oldCommune], newProvinceOfCommune[target]);
                    districtShares[key] = districtShares.GetValueOrDefault(key) + link.Weight;
                }
            }
        }
        links.AddRange(DistrictLinks(districtShares));
        return links;
    }

    // Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) became special zones
    // (đặc khu) whole; merges.json names them by their 3-digit district code.
    private static IEnumerable<UnitLinkRecord> DistrictsMergedWhole(Dictionary<(string New, string Old), string> mergeTypes,
        IReadOnlyList<AdminUnitRecord> units)
    {
        var districts = units.Where(u => u.BoundarySet == BoundarySets.Pre2025 && u.Level == "district").Select(u => u.UnitCode).ToHashSet();
        return mergeTypes.Where(m => districts.Contains(m.Key.Old))
            .Select(m => new UnitLinkRecord(m.Key.Old, "district", m.Key.New, "commune", m.Value, 1m, "whole"));
    }

    // A district went wherever its communes went; its share in each new province is the share of its communes.
    private static IEnumerable<UnitLinkRecord> DistrictLinks(Dictionary<(string District, string NewProvince), decimal> shares) =>
        shares.GroupBy(s => s.Key.District).SelectMany(district =>
        {
            var total = district.Sum(s => s.Value);
            return district.Select(s => new UnitLinkRecord(district.Key, "district", s.Key.NewProvince, "province",
                s.Value == total ? "full" : "partial", Math.Round(s.Value / total, 6), "commune_count"));
        });

    // The sources give no population per part of a split commune: the old unit is shared equally and the
    // basis says so, so trends under new boundaries are marked approximate where a weight is below 1.
    private static UnitLinkRecord Link(string oldCode, string oldLevel, string newCode, string newLevel, int parts, string mergeType) =>
        new(oldCode, oldLevel, newCode, newLevel, mergeType, Math.Round(1m / parts, 6), parts == 1 ? "whole" : "equal_split");

    private static string NormaliseType(string type)
    {
        var lower = type.Trim().ToLowerInvariant();
        return char.ToUpperInvariant(lower[0]) + lower[1..];
    }
}
