using System.Globalization;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>
/// The three card rules in one pass over all claims ordered by card and admission day — a window, not a self-join on
/// the card over the whole table. Per claim, over its card's claims in that order:
/// <list type="bullet">
/// <item>same day: the least and greatest facility among the card's exam/outpatient claims admitted that day (a
/// <c>RANGE</c> frame of the current day's peers) — they differ when a second facility was visited that day;</item>
/// <item>stays: the latest discharge among the card's earlier stays and the earliest admission among its later ones —
/// a stay overlaps another exactly when an earlier one ends after it begins or a later one begins before it ends, so
/// both partners of every overlap are candidates;</item>
/// <item>visits: the admission day of the claim (threshold − 1) places back — in the same calendar month when the card
/// has at least threshold visits that month.</item>
/// </list>
/// Candidates (a few per hundred thousand claims) are then judged exactly here: facilities compared by code, stays
/// paired by card, visits of a dense month counted per facility.
/// </summary>
internal sealed class CardPass(ClaimRuleQuery query, IReadOnlyList<ClaimRule> duplicates, IReadOnlyList<ClaimRule> overlaps,
    IReadOnlyList<ClaimRule> overuse)
{
    public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync()
    {
        if (duplicates.Count == 0 && overlaps.Count == 0 && overuse.Count == 0) return [];
        var rows = await CandidatesAsync();
        var findings = new List<AnomalyFinding>();
        if (duplicates.Count > 0)
            findings.AddRange(Duplicates(rows.Where(r => r.same_day_elsewhere == 1)));
        if (overlaps.Count > 0) findings.AddRange(Overlaps(rows.Where(r => r.stay_overlaps == 1).ToList()));
        if (overuse.Count > 0) findings.AddRange(await OveruseAsync(rows.Where(r => r.dense_month == 1)));
        return findings;
    }

    private Task<List<CardPassRow>> CandidatesAsync() =>
        query.ListAsync<CardPassRow>(ClaimRuleSql.CardCandidates(query.Engine, (int)Math.Ceiling(overuse.Count > 0 ? overuse[0].Threshold : 2) - 1), new { });

    private IEnumerable<AnomalyFinding> Duplicates(IEnumerable<CardPassRow> rows)
    {
        foreach (var group in rows.GroupBy(r => (r.card_pseudonym, r.admitted_at.Date)))
        {
            var facilities = group.Select(r => r.facility_code).Distinct().Order(StringComparer.Ordinal).ToList();
            if (ClaimRulesDetector.Strongest(duplicates, facilities.Count) is not { } rule) continue;
            var claims = ClaimRuleQuery.Join(group.Select(r => r.claim_id).Distinct().Order(StringComparer.Ordinal).ToList());
            foreach (var claim in group.DistinctBy(r => r.claim_id).Where(r => query.Examines(r.period_start)))
                yield return ClaimRuleQuery.Finding(rule, "claim", claim.claim_id, claim, "facilities_same_day", facilities.Count, 1, facilities.Count, new()
                {
                    ["card"] = ClaimText.Card(claim.card_pseudonym), ["n"] = facilities.Count.ToString(CultureInfo.InvariantCulture),
                    ["facilities"] = ClaimRuleQuery.Join(facilities), ["date"] = ClaimText.Date(group.Key.Date), ["claim"] = claim.claim_id,
                    ["facility"] = claim.facility_code, ["claims"] = claims,
                });
        }
    }

    private IEnumerable<AnomalyFinding> Overlaps(List<CardPassRow> stays)
    {
        foreach (var card in stays.GroupBy(r => r.card_pseudonym))
        foreach (var stay in card.Where(s => query.Examines(s.period_start)))
        {
            var partners = card
                .Where(o => o.facility_code != stay.facility_code && stay.admitted_at.Date < o.discharged_at!.Value.Date
                            && o.admitted_at.Date < stay.discharged_at!.Value.Date)
                .Select(o => (Row: o, Days: (int)((Min(stay.discharged_at!.Value, o.discharged_at!.Value) - Max(stay.admitted_at, o.admitted_at)).TotalDays)))
                .OrderByDescending(o => o.Days).ThenBy(o => o.Row.claim_id, StringComparer.Ordinal).ToList();
            if (partners.Count == 0) continue;
            var (other, days) = partners[0];
            if (ClaimRulesDetector.Strongest(overlaps, days) is not { } rule) continue;
            yield return ClaimRuleQuery.Finding(rule, "claim", stay.claim_id, stay, "overlap_days", days, 0, days, new()
            {
                ["card"] = ClaimText.Card(stay.card_pseudonym), ["claim"] = stay.claim_id, ["facility"] = stay.facility_code,
                ["stay"] = Stay(stay), ["overlap_days"] = days.ToString(CultureInfo.InvariantCulture),
                ["other_claim"] = other.claim_id, ["other_facility"] = other.facility_code, ["other_stay"] = Stay(other),
                ["other_claims"] = ClaimRuleQuery.Join(partners.Select(o => o.Row.claim_id).ToList()),
            });
        }
    }

    /// <summary>Cards with a dense month: their visits that month counted per facility, the card's pseudonym compared as text.</summary>
    private async Task<IEnumerable<AnomalyFinding>> OveruseAsync(IEnumerable<CardPassRow> dense)
    {
        var months = dense.Select(r => (Card: r.card_pseudonym, r.admitted_at.Year, r.admitted_at.Month))
            .Where(m => query.Examines(new DateTime(m.Year, m.Month, 1))).ToHashSet();
        var findings = new List<AnomalyFinding>();
        foreach (var chunk in months.Select(m => m.Card).Distinct().Chunk(1000))
        {
            var visits = await query.ListAsync<CardMonthRow>(ClaimRuleSql.CardMonthVisits, new { cards = chunk });
            foreach (var month in visits.GroupBy(v => (Card: v.card_pseudonym, Year: v.visit_year, Month: v.visit_month)).Where(g => months.Contains(g.Key)))
                if (Overuse(month.Key.Card, month.Key.Year, month.Key.Month, month.ToList()) is { } finding) findings.Add(finding);
        }
        return findings;
    }

    private AnomalyFinding? Overuse(string card, int year, int month, List<CardMonthRow> facilities)
    {
        var visits = facilities.Sum(f => f.visits);
        if (ClaimRulesDetector.Strongest(overuse, visits) is not { } rule) return null;
        var top = facilities.OrderByDescending(f => f.visits).ThenBy(f => f.facility_code, StringComparer.Ordinal).First();
        var start = new DateTime(year, month, 1);
        var row = new ClaimRow
        {
            facility_code = top.facility_code, unit_code = top.unit_code, period_label = start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            period_start = start, period_end = start.AddMonths(1).AddDays(-1),
        };
        return ClaimRuleQuery.Finding(rule, "card", card, row, "visits_per_month", visits, rule.Threshold, visits / rule.Threshold, new()
        {
            ["card"] = ClaimText.Card(card), ["n"] = visits.ToString(CultureInfo.InvariantCulture),
            ["month"] = ClaimText.Month(DateOnly.FromDateTime(start)),
            ["facility_count"] = facilities.Count.ToString(CultureInfo.InvariantCulture), ["facility"] = top.facility_code,
            ["facility_visits"] = top.visits.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static DateTime Min(DateTime a, DateTime b) => a.Date < b.Date ? a.Date : b.Date;

    private static DateTime Max(DateTime a, DateTime b) => a.Date > b.Date ? a.Date : b.Date;

    private static string Stay(ClaimRow row) => $"{ClaimText.Date(row.admitted_at)}–{ClaimText.Date(row.discharged_at!.Value)}";
}
