using System.Data.Common;
using System.Globalization;
using Dapper;

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
/// <item><c>claim_cost_outlier</c>: a robust z-score — (ln cost − median ln cost) / (1.4826 × MAD) among the claims of
/// the same facility tier and visit type in the examined months, computed only where at least <c>min_peers</c> claims
/// are peers, and only for a cost at least <c>min_ratio</c> times the peers' median.</item>
/// </list>
/// The three card rules share one pass over the claims ordered by card and admission (<see cref="CardPass"/>); costs
/// take one pass for the peers' statistics and one for the claims beyond them (<see cref="CostPeers"/>); stay lengths
/// one filtered scan. Only candidates leave the warehouse.
/// The month of a claim is its <c>month_key</c> (month of discharge); <see cref="DetectionContext.From"/>/<c>To</c>
/// restrict the months examined (a partner claim outside them still counts for duplicates and overlaps).
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
        var days = query.Engine.DaysBetween("CAST(c.admitted_at AS DATE)", "CAST(c.discharged_at AS DATE)");
        var rows = await query.ListAsync<ClaimRow>($"""
            SELECT {ClaimRuleQuery.ClaimColumns}, {days} AS span_days
            FROM dw.fct_claim c
            {ClaimRuleQuery.ClaimJoins}
            WHERE c.visit_type = 'inpatient' AND c.discharged_at IS NOT NULL AND c.length_of_stay IS NOT NULL{query.Window("p")}
              AND (c.length_of_stay - ({days} + 1) >= @minExcess OR {days} - c.length_of_stay >= @minExcess)
            """, new { minExcess = (int)Math.Ceiling(ladder[0].Threshold) });
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

/// <summary>What the claim rules' queries share: the connection, the examined months, the claim's columns and findings.</summary>
internal sealed class ClaimRuleQuery(DetectionContext context, CancellationToken ct)
{
    public Bhyt.Warehouse.Engines.IWarehouseEngine Engine => context.Engine;

    private DbConnection Connection => context.Connection;

    public const string ClaimColumns = """
        c.claim_id, c.card_pseudonym, c.facility_code, f.unit_code, c.visit_type, c.admitted_at, c.discharged_at,
        c.length_of_stay, c.total_cost, p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end
        """;

    public const string ClaimJoins = """
        LEFT JOIN dw.dim_facility f ON f.facility_code = c.facility_code
        JOIN dw.dim_period p ON p.period_key = c.month_key
        """;

    /// <summary>The month filter on a claim alias joined to <c>dw.dim_period</c> as <paramref name="period"/>.</summary>
    public string Window(string period) =>
        (context.From is null ? "" : $" AND {period}.start_date >= @from") + (context.To is null ? "" : $" AND {period}.start_date <= @to");

    /// <summary>True when the month starting <paramref name="monthStart"/> is among those examined.</summary>
    public bool Examines(DateTime monthStart) =>
        (context.From is not { } from || monthStart >= new DateTime(from.Year, from.Month, 1))
        && (context.To is not { } to || monthStart <= new DateTime(to.Year, to.Month, 1));

    public async Task<List<T>> ListAsync<T>(string sql, object parameters)
    {
        var p = new DynamicParameters(parameters);
        if (context.From is { } from) p.Add("from", new DateTime(from.Year, from.Month, 1));
        if (context.To is { } to) p.Add("to", new DateTime(to.Year, to.Month, 1));
        return (await Connection.QueryAsync<T>(new CommandDefinition(context.Engine.Sql(sql), p, commandTimeout: 3600, cancellationToken: ct))).ToList();
    }

    public static AnomalyFinding Finding(ClaimRule rule, string subjectKind, string subject, ClaimRow row, string measure,
        double value, double? expected, double score, Dictionary<string, string> figures) =>
        new(rule.Kind, subjectKind, subject, row.period_label, DateOnly.FromDateTime(row.period_start), DateOnly.FromDateTime(row.period_end),
            measure, value, expected, score, rule.Severity, rule.Code, rule.Explain(figures))
        {
            FacilityCode = row.facility_code, UnitCode = row.unit_code, ClaimId = subjectKind == "claim" ? subject : null,
        };

    public static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " và " + items[^1];
}
