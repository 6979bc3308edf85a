using System.Globalization;
using Bhyt.Tests.Support;
using CsvHelper;

namespace Bhyt.Tests.Warehouse.Querying;

/// <summary>
/// The bundled reference files read straight from <c>warehouse/Reference/Data</c>, so that query results can be
/// checked against an answer computed without the warehouse.
/// </summary>
internal static class BundledReference
{
    public sealed record Unit(string Code, string Level, string? ProvinceCode, DateOnly ValidFrom, DateOnly? ValidTo)
    {
        public bool ValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);
    }

    public sealed record Link(string OldCode, string OldLevel, string NewCode, string NewLevel);

    private static readonly Lazy<IReadOnlyList<Unit>> LazyUnits = new(() => Read("admin_units.csv", csv => new Unit(
        csv.GetField("unit_code")!, csv.GetField("level")!, Blank(csv.GetField("province_code")),
        DateOnly.Parse(csv.GetField("valid_from")!, CultureInfo.InvariantCulture),
        Blank(csv.GetField("valid_to")) is { } to ? DateOnly.Parse(to, CultureInfo.InvariantCulture) : null)));

    private static readonly Lazy<IReadOnlyList<Link>> LazyLinks = new(() => Read("admin_unit_links.csv", csv => new Link(
        csv.GetField("old_code")!, csv.GetField("old_level")!, csv.GetField("new_code")!, csv.GetField("new_level")!)));

    private static readonly Lazy<IReadOnlyList<string>> LazyIndicatorCodes = new(() => Read("indicators.csv", csv => csv.GetField("code")!));

    public static IReadOnlyList<Unit> Units => LazyUnits.Value;

    public static IReadOnlyList<Link> Links => LazyLinks.Value;

    public static IReadOnlyList<string> IndicatorCodes => LazyIndicatorCodes.Value;

    private static IReadOnlyList<T> Read<T>(string fileName, Func<CsvReader, T> row)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Directory, "warehouse", "Reference", "Data", fileName));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<T>();
        while (csv.Read()) rows.Add(row(csv));
        return rows;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
