using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Detection;

/// <summary>
/// One entry of <c>truth.json</c>: its kind, subject, the period from which it shows, and free-form details. A decoy is
/// something ordinary that looks like the kind and must not be flagged.
/// </summary>
public sealed record TruthEntry(string Kind, string Subject, string Period, JsonElement? Details)
{
    public bool IsDecoy { get; init; }
}

/// <summary>How detection scored on one kind (the <c>bhyt detect --truth --json</c> object of spec/interfaces.md).</summary>
public sealed record KindScore(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("planted")] int Planted,
    [property: JsonPropertyName("flagged")] int Flagged,
    [property: JsonPropertyName("true_positives")] int TruePositives,
    [property: JsonPropertyName("precision")] double? Precision,
    [property: JsonPropertyName("recall")] double? Recall)
{
    /// <summary>Decoys of the kind in truth.json, and how many of them a finding matched (each is a false positive).</summary>
    [JsonPropertyName("decoys")] public int Decoys { get; init; }
    [JsonPropertyName("decoys_flagged")] public int DecoysFlagged { get; init; }
}

/// <summary>
/// Scores a run's findings against the planted anomalies, per kind. A finding matches a planted anomaly of its kind when
/// the subject and the period match:
/// <list type="bullet">
/// <item>Subject. The planted subject may name several codes separated by '|' (duplicate_claim and overlapping_stay name
/// the pair "claimA|claimB"): any one of them counts. Claim kinds (duplicate_claim, overlapping_stay,
/// stay_length_mismatch, claim_cost_outlier) match the finding's claim_id (MA_LK) or its subject_code; facility kinds
/// (facility_cost_jump) its facility_code or subject_code; coverage kinds (coverage_drop, below_target, group_collapse)
/// and fund kinds (spending_ahead_of_budget, revenue_behind_plan, by province) its unit_code or subject_code; any other
/// kind (card_overuse: the card's pseudonym) its subject_code or claim_id.</item>
/// <item>Period (not for claim kinds, whose claim ids are unique). The finding's period overlaps the planted period (a planted year "2023" holds the monthly flags of
/// 2023; a planted month holds the flags of that month). A facility_cost_jump is a level shift that lasts: any flag from
/// its month on matches. When the details name an end ("until" or "to", a period label), the planted window ends
/// there. A finding or truth entry without a period matches on the subject alone.</item>
/// </list>
/// <c>flagged</c> counts the kind's findings, <c>true_positives</c> those that match a planted anomaly
/// (precision = true_positives / flagged); recall is the share of planted anomalies matched by at least one finding.
/// Precision or recall of 0/0 is null. Decoys (<c>"decoys"</c> of truth.json) match the same way; the decoys flagged are
/// counted per kind. A card_overuse entry names its claims: <see cref="ResolveCardsAsync"/> turns them into the card's
/// pseudonym as the warehouse stores it.
/// </summary>
public static class TruthScore
{
    private static readonly HashSet<string> ClaimKinds =
        [AnomalyKinds.DuplicateClaim, AnomalyKinds.OverlappingStay, AnomalyKinds.StayLengthMismatch, AnomalyKinds.ClaimCostOutlier];

    private static readonly HashSet<string> FacilityKinds = [AnomalyKinds.FacilityCostJump];

    private static readonly HashSet<string> UnitKinds =
    [
        AnomalyKinds.CoverageDrop, AnomalyKinds.BelowTarget, AnomalyKinds.GroupCollapse,
        AnomalyKinds.SpendingAheadOfBudget, AnomalyKinds.RevenueBehindPlan,
    ];

    private static readonly HashSet<string> LastingKinds = [AnomalyKinds.FacilityCostJump];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads truth.json: a list of {kind, subject, period, details}, or {"anomalies": [...], "decoys": [...]}.</summary>
    public static IReadOnlyList<TruthEntry> Read(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"Không tìm thấy tệp đáp án {path}.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind == JsonValueKind.Array) return Entries(document.RootElement, false);
            var root = document.RootElement;
            return [.. root.TryGetProperty("anomalies", out var anomalies) ? Entries(anomalies, false) : [],
                .. root.TryGetProperty("decoys", out var decoys) ? Entries(decoys, true) : []];
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Tệp đáp án {path} không đúng dạng [{{kind, subject, period, details}}]: {e.Message}");
        }
    }

    private static List<TruthEntry> Entries(JsonElement list, bool decoys) =>
        (list.Deserialize<List<TruthEntry>>(Json) ?? []).Select(e => e with { IsDecoy = decoys }).ToList();

    /// <summary>
    /// The card_overuse entries with their subject replaced by the pseudonym the warehouse keeps for the card of their
    /// first claim (details.claim_ids, or the subject's first id); the generator knows the card, only the warehouse its key.
    /// </summary>
    public static async Task<IReadOnlyList<TruthEntry>> ResolveCardsAsync(IWarehouseEngine engine, IReadOnlyList<TruthEntry> truth, CancellationToken ct)
    {
        if (truth.All(t => t.Kind != AnomalyKinds.CardOveruse)) return truth;
        static string? FirstClaim(TruthEntry entry) => entry.Kind == AnomalyKinds.CardOveruse ? entry.Subject.Split('|')[0] : null;
        await using var connection = await engine.OpenReadOnlyAsync(ct);
        var pseudonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        // Looked up in chunks (one scan of the claims per chunk, under SQL Server's 2,100 parameters), not one claim at a time.
        foreach (var chunk in truth.Select(FirstClaim).OfType<string>().Distinct().Chunk(1000))
        {
            var rows = await connection.QueryAsync<(string ClaimId, string Pseudonym)>(new CommandDefinition(
                engine.Sql("SELECT claim_id, MIN(card_pseudonym) FROM dw.fct_claim WHERE claim_id IN @claims GROUP BY claim_id"),
                new { claims = chunk }, cancellationToken: ct));
            foreach (var (claimId, pseudonym) in rows) pseudonyms[claimId] = pseudonym;
        }
        return truth.Select(entry => FirstClaim(entry) is { } claim && pseudonyms.TryGetValue(claim, out var pseudonym) ? entry with { Subject = pseudonym } : entry).ToList();
    }

    /// <summary>One score per kind that was planted or flagged, ordered by kind.</summary>
    public static IReadOnlyList<KindScore> Score(IReadOnlyList<TruthEntry> truth, IReadOnlyList<AnomalyFinding> findings)
    {
        var kinds = truth.Select(t => t.Kind).Concat(findings.Select(f => f.Kind)).Distinct().Order(StringComparer.Ordinal);
        return kinds.Select(kind =>
        {
            var decoys = truth.Where(t => t.Kind == kind && t.IsDecoy).ToList();
            var planted = truth.Where(t => t.Kind == kind && !t.IsDecoy).ToList();
            var flagged = findings.Where(f => f.Kind == kind).ToList();
            var truePositives = flagged.Count(f => planted.Any(p => Matches(p, f)));
            var found = planted.Count(p => flagged.Any(f => Matches(p, f)));
            return new KindScore(kind, planted.Count, flagged.Count, truePositives,
                flagged.Count == 0 ? null : Math.Round((double)truePositives / flagged.Count, 4),
                planted.Count == 0 ? null : Math.Round((double)found / planted.Count, 4))
            {
                Decoys = decoys.Count, DecoysFlagged = decoys.Count(d => flagged.Any(f => Matches(d, f))),
            };
        }).ToList();
    }

    public static bool Matches(TruthEntry planted, AnomalyFinding finding) =>
        planted.Kind == finding.Kind && SubjectMatches(planted, finding)
        // A claim id names one claim whatever the month: a stay planted in October and discharged in November is the
        // same claim, whichever month the flag is filed under.
        && (ClaimKinds.Contains(planted.Kind) || PeriodMatches(planted, finding));

    private static bool SubjectMatches(TruthEntry planted, AnomalyFinding finding)
    {
        var codes = planted.Subject.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string?[] candidates = ClaimKinds.Contains(planted.Kind) ? [finding.ClaimId, finding.SubjectCode]
            : FacilityKinds.Contains(planted.Kind) ? [finding.FacilityCode, finding.SubjectCode]
            : UnitKinds.Contains(planted.Kind) ? [finding.UnitCode, finding.SubjectCode]
            : [finding.SubjectCode, finding.ClaimId];
        return codes.Any(code => candidates.Contains(code, StringComparer.Ordinal));
    }

    private static bool PeriodMatches(TruthEntry planted, AnomalyFinding finding)
    {
        var window = Span(planted.Period);
        var flagged = finding.PeriodStart is { } start ? (start, finding.PeriodEnd ?? start) : Span(finding.PeriodLabel);
        if (window is not { } w || flagged is not { } f) return true;
        var end = LastingKinds.Contains(planted.Kind) ? DateOnly.MaxValue : EndFromDetails(planted) ?? w.End;
        return f.Start <= end && f.End >= w.Start;
    }

    private static DateOnly? EndFromDetails(TruthEntry planted)
    {
        if (planted.Details is not { ValueKind: JsonValueKind.Object } details) return null;
        foreach (var name in new[] { "until", "to" })
            if (details.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && Span(value.GetString()) is { } span)
                return span.End;
        return null;
    }

    /// <summary>The dates of a period label: yyyy, yyyy-MM, yyyy-Qn or yyyy-MM-dd; null for anything else.</summary>
    public static (DateOnly Start, DateOnly End)? Span(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var invariant = CultureInfo.InvariantCulture;
        if (label.Length == 4 && int.TryParse(label, NumberStyles.None, invariant, out var year))
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (label.Length == 7 && label[5] == 'Q' && int.TryParse(label[..4], invariant, out var qYear) && label[6] is >= '1' and <= '4')
        {
            var first = new DateOnly(qYear, (label[6] - '1') * 3 + 1, 1);
            return (first, first.AddMonths(3).AddDays(-1));
        }
        if (DateOnly.TryParseExact(label, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
            return (month, month.AddMonths(1).AddDays(-1));
        if (DateOnly.TryParseExact(label, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
            return (day, day);
        return null;
    }
}
