using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bhyt.Warehouse.Reference;

/// <summary>Reads and writes the compact administrative-unit reference (units and old→new links).</summary>
public static class AdminUnitReference
{
    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static IReadOnlyList<AdminUnitRecord> BundledUnits() => ReadUnits(EmbeddedReference.Open(EmbeddedReference.AdminUnits));

    public static IReadOnlyList<UnitLinkRecord> BundledLinks() => ReadLinks(EmbeddedReference.Open(EmbeddedReference.AdminUnitLinks));

    public static IReadOnlyList<AdminUnitRecord> ReadUnits(Stream csv)
    {
        using var reader = new CsvReader(new StreamReader(csv), Config);
        var units = new List<AdminUnitRecord>();
        reader.Read();
        reader.ReadHeader();
        while (reader.Read())
        {
            units.Add(new AdminUnitRecord(
                reader.GetField("unit_code")!, reader.GetField("level")!, reader.GetField("boundary_set")!,
                reader.GetField("name")!, reader.GetField("short_name")!, reader.GetField("unit_type")!,
                Blank(reader.GetField("parent_code")), Blank(reader.GetField("province_code")),
                DateOnly.ParseExact(reader.GetField("valid_from")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Blank(reader.GetField("valid_to")) is { } to ? DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                reader.GetField("source")!));
        }
        return units;
    }

    public static IReadOnlyList<UnitLinkRecord> ReadLinks(Stream csv)
    {
        using var reader = new CsvReader(new StreamReader(csv), Config);
        var links = new List<UnitLinkRecord>();
        reader.Read();
        reader.ReadHeader();
        while (reader.Read())
        {
            links.Add(new UnitLinkRecord(
                reader.GetField("old_code")!, reader.GetField("old_level")!, reader.GetField("new_code")!,
                reader.GetField("new_level")!, reader.GetField("merge_type")!,
                decimal.Parse(reader.GetField("weight")!, CultureInfo.InvariantCulture), reader.GetField("weight_basis")!));
        }
        return links;
    }

    public static void WriteUnits(TextWriter writer, IEnumerable<AdminUnitRecord> units)
    {
        using var csv = new CsvWriter(writer, Config, leaveOpen: true);
        foreach (var header in new[] { "unit_code", "level", "boundary_set", "name", "short_name", "unit_type", "parent_code", "province_code", "valid_from", "valid_to", "source" })
            csv.WriteField(header);
        csv.NextRecord();
        foreach (var u in units)
        {
            foreach (var field in new[] { u.UnitCode, u.Level, u.BoundarySet, u.Name, u.ShortName, u.UnitType, u.ParentCode, u.ProvinceCode,
                         u.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.Source })
                csv.WriteField(field);
            csv.NextRecord();
        }
    }

    public static void WriteLinks(TextWriter writer, IEnumerable<UnitLinkRecord> links)
    {
        using var csv = new CsvWriter(writer, Config, leaveOpen: true);
        foreach (var header in new[] { "old_code", "old_level", "new_code", "new_level", "merge_type", "weight", "weight_basis" })
            csv.WriteField(header);
        csv.NextRecord();
        foreach (var l in links)
        {
            foreach (var field in new[] { l.OldCode, l.OldLevel, l.NewCode, l.NewLevel, l.MergeType,
                         l.Weight.ToString("0.######", CultureInfo.InvariantCulture), l.WeightBasis })
                csv.WriteField(field);
            csv.NextRecord();
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
