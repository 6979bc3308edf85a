namespace Bhyt.Etl.Detection.Coverage;

/// <summary>The five contributor groups of Phụ lục 5 (plus cards issued by the army or police) and their share ratios.</summary>
public static class ContributorGroups
{
    public static readonly IReadOnlyList<string> Codes =
        ["grp_employer", "grp_social_insurance", "grp_state", "grp_state_support", "grp_household", "grp_other"];

    /// <summary>The catalog's share ratio of a group (<c>grp_household_share</c>), when it has one.</summary>
    public static string ShareCode(string group) => group + "_share";

    public static IEnumerable<string> ShareCodes => Codes.Select(ShareCode);
}
