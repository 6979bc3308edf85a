namespace Bhyt.Warehouse.Querying;

/// <summary>
/// The units an analyst's query through the <c>rpt</c>-only door may see: the whole country, or the unit codes of one
/// scope's subtree (both boundary sets). A scoped session shows each <c>rpt</c> view filtered to these codes and hides the
/// views that carry no unit.
/// </summary>
public sealed class RptScope
{
    private RptScope(string? scopeCode, IReadOnlySet<string>? unitCodes)
    {
        ScopeCode = scopeCode;
        UnitCodes = unitCodes;
    }

    /// <summary>No filter: every row of every <c>rpt</c> view.</summary>
    public static RptScope Country { get; } = new(null, null);

    /// <summary>The subtree of <paramref name="scopeCode"/>: <paramref name="unitCodes"/> (the scope's own code included).</summary>
    public static RptScope Units(string scopeCode, IEnumerable<string> unitCodes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scopeCode);
        var codes = new HashSet<string>(unitCodes, StringComparer.Ordinal) { scopeCode };
        return new RptScope(scopeCode, codes);
    }

    /// <summary>The unit the scope is named after; null for the country.</summary>
    public string? ScopeCode { get; }

    /// <summary>The unit codes the rows must belong to; null for the country.</summary>
    public IReadOnlySet<string>? UnitCodes { get; }

    public bool IsCountry => UnitCodes is null;

    public override string ToString() => IsCountry ? "toàn quốc" : $"{ScopeCode} ({UnitCodes!.Count} đơn vị)";
}
