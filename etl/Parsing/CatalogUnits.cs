namespace Bhyt.Etl.Parsing;

/// <summary>The unit codes of the indicator catalog that cell reading cares about, and their Vietnamese names.</summary>
internal static class CatalogUnits
{
    public const string Percent = "percent";
    public const string MillionVnd = "million_vnd";

    private static readonly HashSet<string> Counts = ["persons", "households", "visits", "facilities"];

    public static bool IsCount(string? unit) => unit is not null && Counts.Contains(unit);

    public static string NameVi(string unit) => unit switch
    {
        Percent => "phần trăm",
        MillionVnd => "triệu đồng",
        "persons" => "người",
        "households" => "hộ",
        "visits" => "lượt",
        "facilities" => "cơ sở",
        _ => unit,
    };
}
