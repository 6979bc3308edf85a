using System.Globalization;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// Cross-facility and claim-level rules over <c>dw.fct_claim</c>, each a set-based query the warehouse engine runs; the
/// rules' thresholds, severities and reason texts come from a rules file (<see cref="ClaimRule"/>). What a threshold means:
/// <list type="bullet">
/// <item><c>duplicate_claim</c>: the number of different facilities where one card has exam/outpatient visits starting on
/// the same day (2 = any second facility). Every claim of that card-day is flagged.</item>
/// <item><c>overlapping_stay</c>: the days two inpatient stays of one card at different facilities share (calendar
/// dates; a stay discharged on the day the next is admitted does not overlap). Both claims are flagged.</item>
/// <item><c>card_overuse</c>: visits (claims) of one card begun in one calendar month — the finding is about the card,
/// filed under that month.</item>
/// <item><c>stay_length_mismatch</c>: days by which an inpatient length of stay falls outside what the dates allow under
/// either counting convention (discharge − admission, or that + 1; a same-day stay may count 0 or 1).</item>
/// <item><c>claim_cost_outlier</c>: a robust z-score reached twice — (ln cost − median) / (1.4826 × MAD) among the claims
/// of the same facility tier, visit type and length-of-stay band in the examined months (computed only where at least
/// <c>min_peers</c> claims are peers), and the claim's departure from its own facility's other claims of the same visit type
/// that month over the spread within facilities (<see cref="CostPeers"/>) — for a cost at least <c>min_ratio</c> times
/// both the peers' median and the facility's baseline.</item>
/// </list>
/// The three card rules share one pass over the claims ordered by card and admission (<see cref="CardPass"/>); costs
/// take one pass for the peers' histogram, one for the facilities' residuals and one for the claims beyond their peers
/// (<see cref="CostPeers"/>); stay lengths
/// one filtered scan. Only candidates leave the warehouse.
/// A claim is filed under its <c>month_key</c> (month of discharge), a card's visits under the month they began;
/// <see cref="DetectionContext.From"/>/<c>To</c> restrict the months examined (a partner claim outside them still counts
/// for duplicates and overlaps; costs are compared with peers in the examined months).
/// </summary>
public sealed class ClaimRulesDetector(IReadOnlyList<ClaimRule>? rules = null) : IDetector
{
    public static readonly IReadOnlyCollection<string> SupportedKinds =
    [
        AnomalyKinds.DuplicateClaim, AnomalyKinds.OverlappingStay, AnomalyKinds.CardOveruse,
        AnomalyKinds.StayLengthMismatch, AnomalyKinds.ClaimCostOutlier,
    ];

    private readonly IReadOnlyList<ClaimRule> _rules = rules ?? ClaimRule.Defaults();

    public string Name => "claims.rules";

    public IReadOnlyCollection<string> Kinds => SupportedKinds;

    public IReadOnlyList<ClaimRule> Rules => _rules;

    public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct)
    {
        var query = new ClaimRuleQuery(context, ct);
        var findings = new List<AnomalyFinding>();
        findings.AddRange(await new CardPass(query, Ladder(AnomalyKinds.DuplicateClaim), Ladder(AnomalyKinds.OverlappingStay),
            Ladder(AnomalyKinds.CardOveruse)).DetectAsync());
        if (Ladder(AnomalyKinds.StayLengthMismatch) is { Count: > 0 } stay) findings.AddRange(await StayLengthAsync(query, stay));
        if (Ladder(AnomalyKinds.ClaimCostOutlier) is { Count: > 0 } cost) findings.AddRange(await new CostPeers(query, cost).DetectAsync());
        return findings;
    }

    /// <summary>The rules of one kind, ascending by threshold.</summary>
    private List<ClaimRule> Ladder(string kind) => _rules.Where(r => r.Kind == kind).OrderBy(r => r.Threshold).ToList();

    /// <summary>The highest-threshold rule of a kind that <paramref name="value"/> reaches (the ladder is ascending).</summary>
    internal static ClaimRule? Strongest(IReadOnlyList<ClaimRule> ladder, double value) => ladder.LastOrDefault(r => value >= r.Threshold);

    private static async Task<IReadOnlyList<AnomalyFinding>> StayLengthAsync(ClaimRuleQuery query, IReadOnlyList<ClaimRule> ladder)
    {
        var rows = await query.ListAsync<ClaimRow>(ClaimRuleSql.StayLength(query.Engine, query.Months),
            new { minExcess = (int)Math.Ceiling(ladder[0].Threshold) });
        var findings = new List<AnomalyFinding>();
        foreach (var row in rows)
        {
            var los = row.length_of_stay!.Value;
            var span = row.span_days;
            var excess = los > span + 1 ? los - (span + 1) : span - los;
            if (Strongest(ladder, excess) is not { } rule) continue;
            findings.Add(ClaimRuleQuery.Finding(rule, "claim", row.claim_id, row, "length_of_stay", los, span + 1, excess, new()
            {
                ["claim"] = row.claim_id, ["facility"] = row.facility_code, ["los"] = los.ToString(CultureInfo.InvariantCulture),
                ["admitted"] = ClaimText.Date(row.admitted_at), ["discharged"] = ClaimText.Date(row.discharged_at!.Value),
                ["days_inclusive"] = (span + 1).ToString(CultureInfo.InvariantCulture), ["excess"] = excess.ToString(CultureInfo.InvariantCulture),
                ["card"] = ClaimText.Card(row.card_pseudonym),
            }));
        }
        return findings;
    }
}
