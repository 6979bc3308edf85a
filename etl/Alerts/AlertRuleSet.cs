namespace Bhyt.Etl.Alerts;

/// <summary>
/// The rules in force. For a unit, each rule family (one <see cref="AlertRule.Code"/>) is represented by its most specific
/// rule: the one whose unit is the nearest ancestor-or-self of the unit, else the country-wide rule (unit null). A disabled
/// most specific rule switches its family off for that subtree.
/// </summary>
public sealed class AlertRuleSet(IReadOnlyList<AlertRule> rules, UnitTree units)
{
    public IReadOnlyList<AlertRule> Rules => rules;

    public IEnumerable<string> Codes => rules.Select(r => r.Code).Distinct(StringComparer.Ordinal);

    /// <summary>The rule of family <paramref name="code"/> that applies to <paramref name="unit"/>, or null when none covers it.</summary>
    public AlertRule? For(string code, string? unit) =>
        rules.Where(r => r.Code == code)
            .Select(r => (Rule: r, Distance: r.UnitCode is null ? int.MaxValue : units.Distance(unit, r.UnitCode)))
            .Where(x => x.Distance is not null)
            .OrderBy(x => x.Distance)
            .Select(x => x.Rule)
            .FirstOrDefault();

    /// <summary>The enabled rules in force for <paramref name="unit"/> (one per family).</summary>
    public IEnumerable<AlertRule> InForce(string? unit) =>
        Codes.Select(code => For(code, unit)).OfType<AlertRule>().Where(r => r.Enabled);
}
