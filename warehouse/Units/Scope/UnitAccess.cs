using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;
using Dapper;

namespace Bhyt.Warehouse.Units.Scope;

/// <summary>
/// The units an account may read: the country (everything), or the subtree of its scope unit in both boundary sets — the
/// unit and every unit below it in its own set, and the units of the other set that lie wholly inside it by
/// <c>rpt.unit_succession</c> (every predecessor of a 2025 unit, or every successor of a pre-2025 unit, in the subtree),
/// with their own subtrees. Built by <see cref="UnitAccessResolver"/>. The country unit itself (national figures) is in no
/// scope but the country's.
/// <para>
/// Views that name a unit by code and boundary set filter with <see cref="Predicate"/>; views whose unit code carries no
/// set (anomalies, alerts, figure candidates) with <see cref="CodePredicate"/>, which keeps a code only when every unit
/// bearing it, in either set, is in scope — a reused code never lets another province's row through. Anomalies about a unit
/// or a province's fund, whose detectors take the unit of the set in force at the period, are also kept by
/// <see cref="PeriodPredicate"/>, so a reused code does not hide a unit's own anomalies from its accounts.
/// </para>
/// </summary>
public sealed class UnitAccess
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _codesBySet;

    private UnitAccess(ScopeUnit scope, string? scopeName, string? scopeLevel, bool isCountry,
        IReadOnlyDictionary<string, IReadOnlySet<string>> codesBySet, IReadOnlySet<string> unambiguousCodes)
    {
        Scope = scope;
        ScopeName = scopeName;
        ScopeLevel = scopeLevel;
        IsCountry = isCountry;
        _codesBySet = codesBySet;
        UnambiguousCodes = unambiguousCodes;
    }

    /// <summary>Everything: the scope of accounts without one, of the command line and of jobs.</summary>
    public static UnitAccess Country { get; } = new(ScopeUnit.Country, "Toàn quốc", "country", true, new Dictionary<string, IReadOnlySet<string>>(), None);

    /// <summary>Nothing at all: the scope of an account whose scope names no unit of the warehouse (never the country instead).</summary>
    public static UnitAccess Nothing(ScopeUnit scope) => new(scope, null, null, false, new Dictionary<string, IReadOnlySet<string>>(), None);

    internal static UnitAccess Of(ScopeUnit scope, string name, string level, IReadOnlyDictionary<string, IReadOnlySet<string>> codesBySet,
        IReadOnlySet<string> unambiguousCodes) => new(scope, name, level, false, codesBySet, unambiguousCodes);

    /// <summary>The scope unit with its boundary set (as resolved; the country for <see cref="Country"/>).</summary>
    public ScopeUnit Scope { get; }

    /// <summary>The scope unit's name ("Tỉnh Bắc Giang"), null when the scope names no unit.</summary>
    public string? ScopeName { get; }

    /// <summary>country, province or district; null when the scope names no unit.</summary>
    public string? ScopeLevel { get; }

    public bool IsCountry { get; }

    /// <summary>True when the scope named no unit of the warehouse: nothing is readable.</summary>
    public bool IsNothing => !IsCountry && ScopeName is null;

    /// <summary>Whether the unit <paramref name="code"/> of boundary set <paramref name="set"/> is in scope (<c>national</c>: the country only).</summary>
    public bool Allows(string set, string? code) =>
        IsCountry || (code is not null && _codesBySet.TryGetValue(set, out var codes) && codes.Contains(code));

    /// <summary>Whether the catalogue's unit is in scope (the country, listed in both sets, only for the country's scope).</summary>
    public bool Allows(Queries.UnitInfo unit) => Allows(unit.Level == "country" ? BoundarySets.National : unit.Set, unit.Code);

    /// <summary>Whether a unit code given without its boundary set is in scope: every unit bearing it is (see the class remarks).</summary>
    public bool AllowsCode(string? code) => IsCountry || (code is not null && UnambiguousCodes.Contains(code));

    /// <summary>The codes in scope in one boundary set (empty for the country, which is not limited: ask <see cref="IsCountry"/>).</summary>
    public IReadOnlySet<string> CodesIn(string set) => _codesBySet.GetValueOrDefault(set) ?? None;

    /// <summary>The codes <see cref="AllowsCode"/> keeps.</summary>
    public IReadOnlySet<string> UnambiguousCodes { get; }

    /// <summary>
    /// A condition keeping the rows whose unit (<paramref name="setColumn"/>, <paramref name="codeColumn"/>) is in scope, its
    /// codes added to <paramref name="parameters"/> as <c>@{prefix}…</c>: <c>1 = 1</c> for the country, <c>1 = 0</c> for nothing.
    /// Column names are the caller's SQL, never user input.
    /// </summary>
    public string Predicate(string setColumn, string codeColumn, DynamicParameters parameters, string prefix = "scope")
    {
        if (IsCountry) return "1 = 1";
        var parts = _codesBySet.Where(s => s.Value.Count > 0).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"({setColumn} = '{s.Key}' AND {codeColumn} IN ({SqlList.Add(parameters, $"{prefix}_{s.Key}_", s.Value.Order(StringComparer.Ordinal))}))")
            .ToList();
        return parts.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", parts) + ")";
    }

    /// <summary>
    /// <see cref="Predicate"/> for rows that name their unit by code and a period, the unit being the one of the boundary set
    /// in force at the period's start (<see cref="BoundarySets.InForce"/>: pre2025 before 1/7/2025, post2025 from then) —
    /// what the coverage and fund detectors report. Rows without a period are left out.
    /// </summary>
    public string PeriodPredicate(string codeColumn, string periodStartColumn, DynamicParameters parameters, string prefix = "scope")
    {
        if (IsCountry) return "1 = 1";
        parameters.Add(prefix + "_reform", BoundarySets.ReformDate.ToDateTime(TimeOnly.MinValue));
        var set = $"CASE WHEN {periodStartColumn} >= @{prefix}_reform THEN '{BoundarySets.Post2025}' ELSE '{BoundarySets.Pre2025}' END";
        return $"({periodStartColumn} IS NOT NULL AND {Predicate(set, codeColumn, parameters, prefix)})";
    }

    /// <summary>A condition keeping the rows whose set-less unit code is in scope (<see cref="AllowsCode"/>); null codes are out of any scope but the country's.</summary>
    public string CodePredicate(string codeColumn, DynamicParameters parameters, string prefix = "scope")
    {
        if (IsCountry) return "1 = 1";
        return UnambiguousCodes.Count == 0 ? "1 = 0"
            : $"{codeColumn} IN ({SqlList.Add(parameters, prefix + "_code_", UnambiguousCodes.Order(StringComparer.Ordinal))})";
    }

    /// <summary>
    /// <see cref="Predicate"/> with the codes written into the SQL (for a view or a session's temporary view, which take no
    /// parameters). Safe: every code comes from the warehouse's units and is letters and digits only (<see cref="ScopeUnit.IsCode"/>).
    /// </summary>
    public string LiteralPredicate(string setColumn, string codeColumn)
    {
        if (IsCountry) return "1 = 1";
        var parts = _codesBySet.Where(s => s.Value.Count > 0).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"({setColumn} = '{s.Key}' AND {codeColumn} IN ({Literals(s.Value)}))").ToList();
        return parts.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", parts) + ")";
    }

    /// <summary><see cref="CodePredicate"/> with the codes written into the SQL (see <see cref="LiteralPredicate"/>).</summary>
    public string LiteralCodePredicate(string codeColumn) =>
        IsCountry ? "1 = 1" : UnambiguousCodes.Count == 0 ? "1 = 0" : $"{codeColumn} IN ({Literals(UnambiguousCodes)})";

    private static string Literals(IEnumerable<string> codes) => string.Join(", ", codes.Order(StringComparer.Ordinal).Select(c =>
        ScopeUnit.IsCode(c) ? $"'{c}'" : throw new InvalidOperationException($"Unit code '{c}' is not letters and digits.")));

    /// <summary>The two boundary sets a scope reaches into.</summary>
    public static string[] Sets { get; } = [BoundarySets.Pre2025, BoundarySets.Post2025];
}
