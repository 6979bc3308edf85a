namespace Bhyt.Etl.Generation;

/// <summary>
/// One unit's coverage in one period: population and the six contributor groups, whose sum is the participants
/// exactly, so that every <c>sum_of</c> rule of the catalog holds.
/// </summary>
public sealed record CoverageFigures(long Population, long Employer, long SocialInsurance, long State, long StateSupport, long Household, long Other)
{
    /// <summary>National coverage roadmap in percent, 2009..2024 (about 58 % rising to about 94 %).</summary>
    private static readonly double[] Roadmap = [58.2, 60.0, 64.9, 66.8, 71.6, 72.8, 76.5, 81.9, 86.4, 88.5, 90.0, 90.9, 91.0, 92.0, 93.3, 94.3];

    /// <summary>Insured persons: the sum of the groups.</summary>
    public long Participants => Employer + SocialInsurance + State + StateSupport + Household + Other;

    /// <summary>Uninsured persons: population minus participants.</summary>
    public long Uninsured => Population - Participants;

    /// <summary>Coverage rate in percent, two decimals.</summary>
    public double Rate => Population == 0 ? 0 : Math.Round(100.0 * Participants / Population, 2, MidpointRounding.AwayFromZero);

    /// <summary>The national roadmap rate for a year (clamped to 2009..2024).</summary>
    public static double RoadmapRate(int year) => Roadmap[Math.Clamp(year - 2009, 0, Roadmap.Length - 1)];

    /// <summary>Splits <paramref name="participants"/> into the groups with the year's typical mix; the rounding rest goes to the household group.</summary>
    public static CoverageFigures Split(long population, long participants, int year)
    {
        var t = Math.Clamp((year - 2009) / 15.0, 0, 1);
        double[] shares = [0.20 - 0.03 * t, 0.03 + 0.01 * t, 0.36 - 0.06 * t, 0.22 - 0.07 * t, 0.015];
        var parts = shares.Select(s => (long)Math.Floor(participants * s / (shares.Sum() + 0.175 + 0.15 * t))).ToArray();
        var household = participants - parts.Sum();
        return new CoverageFigures(population, parts[0], parts[1], parts[2], parts[3], household, parts[4]);
    }

    /// <summary>The same unit after the state-paid group lost <paramref name="lostShare"/> of its members.</summary>
    public CoverageFigures WithStateLoss(double lostShare) => this with { State = State - (long)Math.Round(State * lostShare) };

    /// <summary>
    /// The same unit after <paramref name="group"/> lost <paramref name="lostShare"/> of its members, of whom
    /// <paramref name="reenrolledShare"/> enrolled again through the household group (workers of a closed factory buying household cards).
    /// </summary>
    public CoverageFigures WithGroupLoss(CoverageGroup group, double lostShare, double reenrolledShare = 0)
    {
        long Lost(long members) => (long)Math.Round(members * lostShare);
        var lost = group switch
        {
            CoverageGroup.Employer => Lost(Employer), CoverageGroup.State => Lost(State),
            CoverageGroup.StateSupport => Lost(StateSupport), _ => Lost(Household),
        };
        var back = (long)Math.Round(lost * reenrolledShare);
        return group switch
        {
            CoverageGroup.Employer => this with { Employer = Employer - lost, Household = Household + back },
            CoverageGroup.State => this with { State = State - lost, Household = Household + back },
            CoverageGroup.StateSupport => this with { StateSupport = StateSupport - lost, Household = Household + back },
            _ => this with { Household = Household - lost + back },
        };
    }

    /// <summary>The share of participants a group holds (0..1).</summary>
    public double ShareOf(CoverageGroup group) => Participants == 0 ? 0 : group switch
    {
        CoverageGroup.Employer => Employer, CoverageGroup.State => State, CoverageGroup.StateSupport => StateSupport, _ => Household,
    } / (double)Participants;

    /// <summary>Adds two units' figures (a province as the sum of its districts).</summary>
    public CoverageFigures Plus(CoverageFigures other) => new(Population + other.Population, Employer + other.Employer,
        SocialInsurance + other.SocialInsurance, State + other.State, StateSupport + other.StateSupport, Household + other.Household, Other + other.Other);

    /// <summary>Indicator code and value pairs for the submission CSV (persons as integers, rate with two decimals).</summary>
    public IEnumerable<(string Indicator, string Value)> Rows()
    {
        yield return ("cov_population", Population.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("cov_participants", Participants.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("cov_uninsured", Uninsured.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("cov_rate", GeneratedCsv.Number(Rate, 2));
        yield return ("grp_employer", Employer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("grp_social_insurance", SocialInsurance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("grp_state", State.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("grp_state_support", StateSupport.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("grp_household", Household.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("grp_other", Other.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
