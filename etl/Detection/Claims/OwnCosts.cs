namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// What a claim's own facility usually bills for a claim like it, on residuals r = ln(cost basis) − the median of the
/// claim's cell (tier × visit type × length-of-stay band, <see cref="CostCells"/>), so that a facility's stays of every
/// length and its exams of every month pool into one level:
/// <list type="bullet">
/// <item>the baseline of a claim is the mean residual of its facility's other claims of the same visit type that month
/// (<see cref="MinOwnClaims"/> at least), or of every month when the month has too few (a lone stay is never its own
/// baseline), none when the facility has too few of that type to say;</item>
/// <item>the spread within a facility (σ_w, per tier × visit type) is the median over its facility-months of their
/// sample variance of residuals, each divided by the median of χ²ₖ/k for its k = n − 1 degrees of freedom (≈ (1 − 2/9k)³,
/// Wilson–Hilferty), so a month of six claims and one of six hundred estimate the same σ_w²: the median over thousands of
/// facility-months is untouched by the few that hold an outlier, and a month a facility bills dearer throughout (a
/// facility cost jump) moves its mean, not its spread. σ_w is what a claim's own-facility score divides by, widened by
/// √(1 + 1/k) for a baseline that is itself the mean of k claims.</item>
/// </list>
/// </summary>
internal sealed class OwnCosts
{
    /// <summary>The least other claims a facility's baseline is taken from.</summary>
    public const int MinOwnClaims = 5;

    /// <summary>The least claims a facility-month's variance enters the spread with.</summary>
    private const int MinSpreadClaims = 3;

    private readonly Dictionary<(string Facility, string VisitType, int Month), (long N, double S)> _months = [];
    private readonly Dictionary<(string Facility, string VisitType), (long N, double S)> _all = [];
    private readonly Dictionary<(int Tier, string VisitType), double> _spread = [];

    public OwnCosts(IEnumerable<FacilityCostRow> rows)
    {
        var variances = new Dictionary<(int, string), List<double>>();
        foreach (var row in rows)
        {
            _months[(row.facility_code, row.visit_type, row.month_key)] = (row.n, row.s);
            var all = _all.GetValueOrDefault((row.facility_code, row.visit_type));
            _all[(row.facility_code, row.visit_type)] = (all.N + row.n, all.S + row.s);
            if (row.n < MinSpreadClaims) continue;
            var k = row.n - 1;
            var variance = Math.Max(0, row.ss - row.s * row.s / row.n) / k;
            var medianChiSquare = Math.Pow(1 - 2.0 / (9 * k), 3);
            if (!variances.TryGetValue((row.tier, row.visit_type), out var list)) variances[(row.tier, row.visit_type)] = list = [];
            list.Add(variance / medianChiSquare);
        }
        foreach (var (group, list) in variances)
        {
            list.Sort();
            _spread[group] = Math.Max(CostCells.MinScale, Math.Sqrt(Facilities.RobustStats.MedianOfSorted(list)));
        }
    }

    /// <summary>σ_w of a tier × visit type; null when no facility-month has enough claims to tell.</summary>
    public double? Spread(int tier, string visitType) => _spread.TryGetValue((tier, visitType), out var s) ? s : null;

    /// <summary>
    /// The mean residual of the facility's other claims like this one (residual <paramref name="residual"/>) and how many
    /// they are, that month when it has enough, otherwise over every month; whether it is the month's; null when too few.
    /// </summary>
    public (double Mean, long Count, bool SameMonth)? Baseline(string facility, string visitType, int month, double residual)
    {
        if (_months.TryGetValue((facility, visitType, month), out var m) && m.N - 1 >= MinOwnClaims)
            return ((m.S - residual) / (m.N - 1), m.N - 1, true);
        if (_all.TryGetValue((facility, visitType), out var a) && a.N - 1 >= MinOwnClaims)
            return ((a.S - residual) / (a.N - 1), a.N - 1, false);
        return null;
    }
}
