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
/// <item><c>card_overuse</c>: visits (claims) of one card in a month — the finding is about the card.</item>
/// <item><c>stay_length_mismatch</c>: days by which an inpatient length of stay falls outside what the dates allow under
/// either counting convention (discharge − admission, or that + 1; a same-day stay may count 0 or 1).</item>
/// <item><c>claim_cost_outlier</c>: a robust z-score — (ln cost − median ln cost) / (1.4826 × MAD) among the claims of
/// the same facility tier and visit type in the examined months, computed only where at least <c>min_peers</c> claims
/// are peers.</item>
/// </list>
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
        var findings = new List<AnomalyFinding>();
        var run = new Run(context, ct);
        foreach (var kind in SupportedKinds)
        {
            var ladder = _rules.Where(r => r.Kind == kind).OrderBy(r => r.Threshold).ToList();
            if (ladder.Count == 0) continue;
            var found = kind switch
            {
                AnomalyKinds.DuplicateClaim => run.DuplicatesAsync(ladder),
                AnomalyKinds.OverlappingStay => run.OverlapsAsync(ladder),
                AnomalyKinds.CardOveruse => run.OveruseAsync(ladder),
                AnomalyKinds.StayLengthMismatch => run.StayLengthAsync(ladder),
                _ => run.CostOutliersAsync(ladder),
            };
            await foreach (var finding in found.WithCancellation(ct)) findings.Add(finding);
        }
        return findings;
    }

    /// <summary>The highest-threshold rule of a kind that <paramref name="value"/> reaches (the ladder is ascending).</summary>
    private static ClaimRule? Strongest(IReadOnlyList<ClaimRule> ladder, double value) => ladder.LastOrDefault(r => value >= r.Threshold);

    private sealed class Run(DetectionContext context, CancellationToken ct)
    {
        private readonly bool _sqlServer = context.Engine.Name == "sqlserver";
        private DbConnection Connection => context.Connection;

        /// <summary>The month filter on a claim alias joined to <c>dw.dim_period</c> as <paramref name="period"/>.</summary>
        private string Window(string period) =>
            (context.From is null ? "" : $" AND {period}.start_date >= @from") + (context.To is null ? "" : $" AND {period}.start_date <= @to");

        private object Parameters(object extra)
        {
            var p = new DynamicParameters(extra);
            if (context.From is { } from) p.Add("from", new DateTime(from.Year, from.Month, 1));
            if (context.To is { } to) p.Add("to", new DateTime(to.Year, to.Month, 1));
            return p;
        }

        private string DayDiff(string from, string to) => _sqlServer ? $"DATEDIFF(day, {from}, {to})" : $"date_diff('day', {from}, {to})";

        private async Task<List<T>> QueryAsync<T>(string sql, object parameters) =>
            (await Connection.QueryAsync<T>(new CommandDefinition(context.Engine.Sql(sql), Parameters(parameters),
                commandTimeout: 3600, cancellationToken: ct))).ToList();

        private static AnomalyFinding Finding(ClaimRule rule, string subjectKind, string subject, ClaimRow row, string measure,
            double value, double? expected, double score, Dictionary<string, string> figures) =>
            new(rule.Kind, subjectKind, subject, row.period_label, DateOnly.FromDateTime(row.period_start), DateOnly.FromDateTime(row.period_end),
                measure, value, expected, score, rule.Severity, rule.Code, rule.Explain(figures))
            {
                FacilityCode = row.facility_code, UnitCode = row.unit_code, ClaimId = subjectKind == "claim" ? subject : null,
            };

        private const string ClaimColumns = """
            c.claim_id, c.card_pseudonym, c.facility_code, f.unit_code, c.visit_type, c.admitted_at, c.discharged_at,
            c.length_of_stay, c.total_cost, p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end
            """;

        private const string ClaimJoins = """
            LEFT JOIN dw.dim_facility f ON f.facility_code = c.facility_code
            JOIN dw.dim_period p ON p.period_key = c.month_key
            """;

        public async IAsyncEnumerable<AnomalyFinding> DuplicatesAsync(IReadOnlyList<ClaimRule> ladder)
        {
            var rows = await QueryAsync<ClaimRow>($"""
                WITH w AS (
                    SELECT c.claim_key, c.card_pseudonym, c.facility_code, CAST(c.admitted_at AS DATE) AS visit_day
                    FROM dw.fct_claim c JOIN dw.dim_period p ON p.period_key = c.month_key
                    WHERE c.visit_type IN ('exam', 'outpatient'){Window("p")}
                ), days AS (
                    SELECT card_pseudonym, visit_day FROM w GROUP BY card_pseudonym, visit_day
                    HAVING COUNT(DISTINCT facility_code) >= @minFacilities
                )
                SELECT {ClaimColumns}
                FROM days d
                JOIN w ON w.card_pseudonym = d.card_pseudonym AND w.visit_day = d.visit_day
                JOIN dw.fct_claim c ON c.claim_key = w.claim_key
                {ClaimJoins}
                """, new { minFacilities = (int)Math.Ceiling(ladder[0].Threshold) });
            foreach (var group in rows.GroupBy(r => (r.card_pseudonym, r.admitted_at.Date)))
            {
                var facilities = group.Select(r => r.facility_code).Distinct().Order(StringComparer.Ordinal).ToList();
                if (Strongest(ladder, facilities.Count) is not { } rule) continue;
                foreach (var claim in group.DistinctBy(r => r.claim_id))
                    yield return Finding(rule, "claim", claim.claim_id, claim, "facilities_same_day", facilities.Count, 1, facilities.Count, new()
                    {
                        ["card"] = ClaimText.Card(claim.card_pseudonym), ["n"] = facilities.Count.ToString(CultureInfo.InvariantCulture),
                        ["facilities"] = Join(facilities), ["date"] = ClaimText.Date(group.Key.Date), ["claim"] = claim.claim_id,
                        ["facility"] = claim.facility_code, ["claims"] = Join(group.Select(r => r.claim_id).Distinct().ToList()),
                    });
            }
        }

        public async IAsyncEnumerable<AnomalyFinding> OverlapsAsync(IReadOnlyList<ClaimRule> ladder)
        {
            var rows = await QueryAsync<OverlapRow>($"""
                WITH s AS (
                    SELECT claim_key, claim_id, card_pseudonym, facility_code, month_key,
                           CAST(admitted_at AS DATE) AS day_in, CAST(discharged_at AS DATE) AS day_out
                    FROM dw.fct_claim WHERE visit_type = 'inpatient' AND discharged_at IS NOT NULL
                )
                SELECT {ClaimColumns}, y.claim_id AS other_claim, y.facility_code AS other_facility,
                       y.day_in AS other_in, y.day_out AS other_out
                FROM s x
                JOIN s y ON y.card_pseudonym = x.card_pseudonym AND y.facility_code <> x.facility_code
                        AND x.day_in < y.day_out AND y.day_in < x.day_out
                JOIN dw.fct_claim c ON c.claim_key = x.claim_key
                {ClaimJoins}
                WHERE 1 = 1{Window("p")}
                """, new { });
            foreach (var claim in rows.GroupBy(r => r.claim_id))
            {
                var overlaps = claim.Select(r => (Row: r, Days: Math.Max(1,
                        (int)((r.discharged_at!.Value.Date < r.other_out ? r.discharged_at.Value.Date : r.other_out)
                              - (r.admitted_at.Date > r.other_in ? r.admitted_at.Date : r.other_in)).TotalDays)))
                    .OrderByDescending(o => o.Days).ThenBy(o => o.Row.other_claim, StringComparer.Ordinal).ToList();
                var (row, days) = overlaps[0];
                if (Strongest(ladder, days) is not { } rule) continue;
                yield return Finding(rule, "claim", row.claim_id, row, "overlap_days", days, 0, days, new()
                {
                    ["card"] = ClaimText.Card(row.card_pseudonym), ["claim"] = row.claim_id, ["facility"] = row.facility_code,
                    ["stay"] = Stay(row.admitted_at, row.discharged_at!.Value), ["overlap_days"] = days.ToString(CultureInfo.InvariantCulture),
                    ["other_claim"] = row.other_claim, ["other_facility"] = row.other_facility, ["other_stay"] = Stay(row.other_in, row.other_out),
                    ["other_claims"] = Join(overlaps.Select(o => o.Row.other_claim).ToList()),
                });
            }
        }

        public async IAsyncEnumerable<AnomalyFinding> OveruseAsync(IReadOnlyList<ClaimRule> ladder)
        {
            var rows = await QueryAsync<OveruseRow>($"""
                WITH m AS (
                    SELECT c.card_pseudonym, c.month_key, COUNT(*) AS visits, COUNT(DISTINCT c.facility_code) AS facility_count
                    FROM dw.fct_claim c JOIN dw.dim_period p ON p.period_key = c.month_key
                    WHERE 1 = 1{Window("p")}
                    GROUP BY c.card_pseudonym, c.month_key
                    HAVING COUNT(*) >= @minVisits
                )
                SELECT m.card_pseudonym, m.visits, m.facility_count, c.facility_code, f.unit_code, COUNT(*) AS facility_visits,
                       p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end
                FROM m
                JOIN dw.fct_claim c ON c.card_pseudonym = m.card_pseudonym AND c.month_key = m.month_key
                LEFT JOIN dw.dim_facility f ON f.facility_code = c.facility_code
                JOIN dw.dim_period p ON p.period_key = m.month_key
                GROUP BY m.card_pseudonym, m.visits, m.facility_count, c.facility_code, f.unit_code, p.label, p.start_date, p.end_date
                """, new { minVisits = (int)Math.Ceiling(ladder[0].Threshold) });
            foreach (var card in rows.GroupBy(r => (r.card_pseudonym, r.period_label)))
            {
                var top = card.OrderByDescending(r => r.facility_visits).ThenBy(r => r.facility_code, StringComparer.Ordinal).First();
                if (Strongest(ladder, top.visits) is not { } rule) continue;
                var row = new ClaimRow
                {
                    facility_code = top.facility_code, unit_code = top.unit_code, period_label = top.period_label,
                    period_start = top.period_start, period_end = top.period_end,
                };
                yield return Finding(rule, "card", top.card_pseudonym, row, "visits_per_month", top.visits, rule.Threshold,
                    top.visits / rule.Threshold, new()
                    {
                        ["card"] = ClaimText.Card(top.card_pseudonym), ["n"] = top.visits.ToString(CultureInfo.InvariantCulture),
                        ["month"] = ClaimText.Month(DateOnly.FromDateTime(top.period_start)),
                        ["facility_count"] = top.facility_count.ToString(CultureInfo.InvariantCulture), ["facility"] = top.facility_code,
                        ["facility_visits"] = top.facility_visits.ToString(CultureInfo.InvariantCulture),
                    });
            }
        }

        public async IAsyncEnumerable<AnomalyFinding> StayLengthAsync(IReadOnlyList<ClaimRule> ladder)
        {
            var days = DayDiff("CAST(c.admitted_at AS DATE)", "CAST(c.discharged_at AS DATE)");
            var rows = await QueryAsync<ClaimRow>($"""
                SELECT {ClaimColumns}, {days} AS span_days
                FROM dw.fct_claim c
                {ClaimJoins}
                WHERE c.visit_type = 'inpatient' AND c.discharged_at IS NOT NULL AND c.length_of_stay IS NOT NULL{Window("p")}
                  AND (c.length_of_stay - ({days} + 1) >= @minExcess OR {days} - c.length_of_stay >= @minExcess)
                """, new { minExcess = (int)Math.Ceiling(ladder[0].Threshold) });
            foreach (var row in rows)
            {
                var los = row.length_of_stay!.Value;
                var span = row.span_days;
                var excess = los > span + 1 ? los - (span + 1) : span - los;
                if (Strongest(ladder, excess) is not { } rule) continue;
                yield return Finding(rule, "claim", row.claim_id, row, "length_of_stay", los, span + 1, excess, new()
                {
                    ["claim"] = row.claim_id, ["facility"] = row.facility_code, ["los"] = los.ToString(CultureInfo.InvariantCulture),
                    ["admitted"] = ClaimText.Date(row.admitted_at), ["discharged"] = ClaimText.Date(row.discharged_at!.Value),
                    ["days_inclusive"] = (span + 1).ToString(CultureInfo.InvariantCulture), ["excess"] = excess.ToString(CultureInfo.InvariantCulture),
                    ["card"] = ClaimText.Card(row.card_pseudonym),
                });
            }
        }

        public async IAsyncEnumerable<AnomalyFinding> CostOutliersAsync(IReadOnlyList<ClaimRule> ladder)
        {
            var minPeers = ladder.Min(r => r.MinPeers);
            var ln = _sqlServer ? "LOG" : "LN";
            // Per tier × visit type: the median of ln(cost), then the median absolute deviation around it.
            var stats = _sqlServer
                ? """
                  m AS (SELECT DISTINCT tier, visit_type, COUNT(*) OVER (PARTITION BY tier, visit_type) AS peers,
                               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY lc) OVER (PARTITION BY tier, visit_type) AS med_lc,
                               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY total_cost) OVER (PARTITION BY tier, visit_type) AS med_cost
                        FROM w),
                  d AS (SELECT DISTINCT w.tier, w.visit_type,
                               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ABS(w.lc - m.med_lc)) OVER (PARTITION BY w.tier, w.visit_type) AS mad
                        FROM w JOIN m ON m.tier = w.tier AND m.visit_type = w.visit_type WHERE m.peers >= @minPeers)
                  """
                : """
                  m AS (SELECT tier, visit_type, COUNT(*) AS peers, MEDIAN(lc) AS med_lc, MEDIAN(total_cost) AS med_cost
                        FROM w GROUP BY tier, visit_type),
                  d AS (SELECT w.tier, w.visit_type, MEDIAN(ABS(w.lc - m.med_lc)) AS mad
                        FROM w JOIN m ON m.tier = w.tier AND m.visit_type = w.visit_type WHERE m.peers >= @minPeers
                        GROUP BY w.tier, w.visit_type)
                  """;
            var rows = await QueryAsync<CostRow>($"""
                WITH w AS (
                    SELECT c.claim_id, c.card_pseudonym, c.facility_code, f.unit_code, c.visit_type, f.tier, c.total_cost,
                           {ln}(CAST(c.total_cost AS DOUBLE PRECISION)) AS lc,
                           p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end
                    FROM dw.fct_claim c
                    JOIN dw.dim_facility f ON f.facility_code = c.facility_code
                    JOIN dw.dim_period p ON p.period_key = c.month_key
                    WHERE c.total_cost > 0{Window("p")}
                ),
                {stats}
                SELECT w.claim_id, w.card_pseudonym, w.facility_code, w.unit_code, w.visit_type, w.tier, w.total_cost,
                       w.period_label, w.period_start, w.period_end, m.peers, m.med_cost,
                       (w.lc - m.med_lc) / (1.4826 * d.mad) AS z
                FROM w
                JOIN m ON m.tier = w.tier AND m.visit_type = w.visit_type
                JOIN d ON d.tier = w.tier AND d.visit_type = w.visit_type
                WHERE d.mad > 0 AND w.lc - m.med_lc >= @minZ * 1.4826 * d.mad
                """, new { minPeers, minZ = ladder[0].Threshold });
            foreach (var row in rows)
            {
                if (ladder.LastOrDefault(r => row.z >= r.Threshold && row.peers >= r.MinPeers) is not { } rule) continue;
                var ratio = row.med_cost > 0 ? (double)row.total_cost / row.med_cost : 0;
                var claim = new ClaimRow
                {
                    claim_id = row.claim_id, facility_code = row.facility_code, unit_code = row.unit_code, period_label = row.period_label,
                    period_start = row.period_start, period_end = row.period_end,
                };
                yield return Finding(rule, "claim", row.claim_id, claim, "total_cost", (double)row.total_cost, row.med_cost, Math.Round(row.z, 2), new()
                {
                    ["claim"] = row.claim_id, ["facility"] = row.facility_code, ["visit_type"] = ClaimText.VisitType(row.visit_type),
                    ["tier"] = row.tier.ToString(CultureInfo.InvariantCulture), ["cost"] = ClaimText.Number(Math.Round(row.total_cost)),
                    ["median"] = ClaimText.Number(Math.Round(row.med_cost)), ["ratio"] = ClaimText.Number(Math.Round(ratio, 1)),
                    ["peers"] = ClaimText.Number((double)row.peers), ["z"] = ClaimText.Number(Math.Round(row.z, 1)),
                    ["card"] = ClaimText.Card(row.card_pseudonym),
                });
            }
        }

        private static string Join(IReadOnlyList<string> items) =>
            items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " và " + items[^1];

        private static string Stay(DateTime from, DateTime to) => $"{ClaimText.Date(from)}–{ClaimText.Date(to)}";
    }

    // Dapper-mapped rows (column names as in SQL).
#pragma warning disable IDE1006
    private class ClaimRow
    {
        public string claim_id { get; set; } = "";
        public string card_pseudonym { get; set; } = "";
        public string facility_code { get; set; } = "";
        public string? unit_code { get; set; }
        public string visit_type { get; set; } = "";
        public DateTime admitted_at { get; set; }
        public DateTime? discharged_at { get; set; }
        public int? length_of_stay { get; set; }
        public decimal total_cost { get; set; }
        public string period_label { get; set; } = "";
        public DateTime period_start { get; set; }
        public DateTime period_end { get; set; }
        public long span_days { get; set; }
    }

    private sealed class OverlapRow : ClaimRow
    {
        public string other_claim { get; set; } = "";
        public string other_facility { get; set; } = "";
        public DateTime other_in { get; set; }
        public DateTime other_out { get; set; }
    }

    private sealed class OveruseRow
    {
        public string card_pseudonym { get; set; } = "";
        public long visits { get; set; }
        public long facility_count { get; set; }
        public string facility_code { get; set; } = "";
        public string? unit_code { get; set; }
        public long facility_visits { get; set; }
        public string period_label { get; set; } = "";
        public DateTime period_start { get; set; }
        public DateTime period_end { get; set; }
    }

    private sealed class CostRow
    {
        public string claim_id { get; set; } = "";
        public string card_pseudonym { get; set; } = "";
        public string facility_code { get; set; } = "";
        public string? unit_code { get; set; }
        public string visit_type { get; set; } = "";
        public int tier { get; set; }
        public decimal total_cost { get; set; }
        public string period_label { get; set; } = "";
        public DateTime period_start { get; set; }
        public DateTime period_end { get; set; }
        public long peers { get; set; }
        public double med_cost { get; set; }
        public double z { get; set; }
    }
#pragma warning restore IDE1006
}
