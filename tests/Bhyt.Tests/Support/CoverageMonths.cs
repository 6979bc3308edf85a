namespace Bhyt.Tests.Support;

/// <summary>
/// Rows of a monthly coverage submission CSV (the long format of interfaces.md) for tests: a unit-month's population, the
/// six contributor groups and the rate as reported. Also linked into the dashboard tests.
/// </summary>
public static class CoverageMonths
{
    public const string Header = "unit_code,unit_name,period,indicator,value,value_kind";

    private static readonly string[] GroupCodes = ["grp_employer", "grp_social_insurance", "grp_state", "grp_state_support", "grp_household", "grp_other"];

    /// <summary>One unit-month; <paramref name="groups"/> are employer, social insurance, state, state support, household, other.</summary>
    public static IEnumerable<string> Month(string unit, string period, long population, long[] groups, string rate)
    {
        yield return $"{unit},,{period},cov_population,{population},";
        yield return $"{unit},,{period},cov_participants,{groups.Sum()},";
        yield return $"{unit},,{period},cov_rate,\"{rate}\",";
        for (var g = 0; g < GroupCodes.Length; g++) yield return $"{unit},,{period},{GroupCodes[g]},{groups[g]},";
    }
}
