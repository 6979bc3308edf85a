using Bhyt.Warehouse.Reference;

namespace Bhyt.Warehouse.Units.Scope;

/// <summary>
/// The unit an account's scope names, as written in the accounts file, the <c>bhyt:unit_scope</c> claim and an identity
/// provider's claim: a unit code, optionally with its boundary set — <c>post2025:24</c> (the 2025 Bắc Ninh), <c>pre2025:24</c>
/// (the former Bắc Giang), <c>886</c> (a district: only the pre-2025 set has districts). Codes are reused across the 2025
/// reform, so a bare code means the unit valid today when there is one, else the only unit with that code
/// (<see cref="UnitAccessResolver"/>). Empty or <c>VN</c> is the country.
/// </summary>
public sealed record ScopeUnit(string? Set, string Code)
{
    public static ScopeUnit Country { get; } = new(BoundarySets.National, BoundarySets.CountryCode);

    public bool IsCountry => Code == BoundarySets.CountryCode;

    /// <summary>The scope of a stored or claimed text; null or blank is the country. False for text that cannot name a unit.</summary>
    public static bool TryParse(string? text, out ScopeUnit scope)
    {
        scope = Country;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':');
        string? set = colon < 0 ? null : trimmed[..colon].Trim();
        var code = (colon < 0 ? trimmed : trimmed[(colon + 1)..]).Trim();
        if (set is not null && set is not (BoundarySets.Pre2025 or BoundarySets.Post2025 or BoundarySets.National)) return false;
        if (!IsCode(code)) return false;
        scope = code.Equals(BoundarySets.CountryCode, StringComparison.OrdinalIgnoreCase) ? Country : new ScopeUnit(set, code);
        return true;
    }

    /// <summary>Unit codes are letters and digits only (GSO codes, <c>VN</c>): what <see cref="UnitAccess"/>'s literal SQL relies on.</summary>
    public static bool IsCode(string code) => code.Length is > 0 and <= 10 && code.All(char.IsAsciiLetterOrDigit);

    /// <summary>The stored form: <c>set:code</c>, or the bare code when the set is not known; empty for the country.</summary>
    public override string ToString() => IsCountry ? "" : Set is null ? Code : $"{Set}:{Code}";
}
