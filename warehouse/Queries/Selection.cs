using Bhyt.Warehouse.Reference;

namespace Bhyt.Warehouse.Queries;

/// <summary>
/// What every page shows: one unit (by code, within a boundary set), a year range and the boundary set
/// (<c>pre2025</c>: the 63 provinces / districts / communes until 30/6/2025; <c>post2025</c>: the 34 provinces
/// and communes from 1/7/2025). Kept in the URL as <c>?unit=…&amp;from=…&amp;to=…&amp;set=…</c> so links can be shared.
/// </summary>
public sealed record Selection(string UnitCode, int From, int To, string Set)
{
    public const int FirstYear = 2009;
    public const int LastYear = 2024;

    public static readonly Selection Default = new(BoundarySets.CountryCode, FirstYear, LastYear, BoundarySets.Pre2025);

    /// <summary>The year the KPI cards describe: the end of the range.</summary>
    public int Year => To;

    public bool IsPost2025 => Set == BoundarySets.Post2025;

    /// <summary>Builds a selection from URL values, falling back to defaults for anything missing or out of range.</summary>
    public static Selection FromQuery(string? unit, int? from, int? to, string? set)
    {
        var boundary = set == BoundarySets.Post2025 ? BoundarySets.Post2025 : BoundarySets.Pre2025;
        var first = Math.Clamp(from ?? FirstYear, 2000, 2035);
        var last = Math.Clamp(to ?? LastYear, 2000, 2035);
        if (first > last) (first, last) = (last, first);
        var code = string.IsNullOrWhiteSpace(unit) ? BoundarySets.CountryCode : unit.Trim();
        return new Selection(code, first, last, boundary);
    }

    /// <summary>The query string of this selection (for links to other pages).</summary>
    public string ToQuery() => $"unit={Uri.EscapeDataString(UnitCode)}&from={From}&to={To}&set={Set}";

    public Selection WithUnit(string code) => this with { UnitCode = code };
}
