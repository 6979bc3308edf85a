using System.Globalization;
using Dapper;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// Facility-month profiles (claims, cost and insurer-paid per claim, drug, supplies and inpatient shares, mean length of
/// stay, visits per card) compared, on the log scale with robust statistics (median/MAD), with (a) the facility's own
/// history — the level of its recent months plus the seasonal departure of the same month in earlier years — and
/// (b) its peers of the same tier and ownership in the same month. A month is a <c>facility_cost_jump</c> when a cost
/// feature is above BOTH (a seasonal peak the peers share is not; a level the facility always had is not). Months with
/// too few claims, a facility's first months (too little history) and months whose volume collapses (closing) are skipped.
/// </summary>
public sealed class FacilityProfileDetector(FacilityThresholds? thresholds = null) : IDetector
{
    private readonly FacilityThresholds _t = thresholds ?? FacilityThresholds.Default;

    public string Name => "facilities.profile";

    public IReadOnlyCollection<string> Kinds { get; } = [AnomalyKinds.FacilityCostJump];

    private const string ProfileSql = """
        SELECT c.facility_code, f.name AS facility_name, f.tier, f.ownership, f.unit_code,
               p.label AS period_label, p.start_date AS period_start, p.end_date AS period_end,
               CAST(COUNT(*) AS DOUBLE PRECISION) AS claims,
               CAST(SUM(c.total_cost) AS DOUBLE PRECISION) AS total_cost,
               CAST(SUM(COALESCE(c.insurer_paid, 0)) AS DOUBLE PRECISION) AS insurer_paid,
               CAST(SUM(COALESCE(c.drug_cost, 0)) AS DOUBLE PRECISION) AS drug_cost,
               CAST(SUM(COALESCE(c.supplies_cost, 0)) AS DOUBLE PRECISION) AS supplies_cost,
               CAST(SUM(CASE WHEN c.visit_type = 'inpatient' THEN 1 ELSE 0 END) AS DOUBLE PRECISION) AS inpatient,
               CAST(SUM(CASE WHEN c.visit_type = 'inpatient' THEN COALESCE(c.length_of_stay, 0) ELSE 0 END) AS DOUBLE PRECISION) AS inpatient_days,
               CAST(COUNT(DISTINCT c.card_pseudonym) AS DOUBLE PRECISION) AS cards
        FROM dw.fct_claim c
        JOIN dw.dim_facility f ON f.facility_code = c.facility_code
        JOIN dw.dim_period p ON p.period_key = c.month_key
        GROUP BY c.facility_code, f.name, f.tier, f.ownership, f.unit_code, p.label, p.start_date, p.end_date
        """;

    public async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct)
    {
        var rows = (await context.Connection.QueryAsync<FacilityMonth>(new CommandDefinition(context.Engine.Sql(ProfileSql),
            commandTimeout: 3600, cancellationToken: ct))).ToList();
        return Detect(rows).Where(f => (context.From is null || f.PeriodEnd >= context.From) && (context.To is null || f.PeriodStart <= context.To)).ToList();
    }

    /// <summary>A feature's departure in one facility-month: log value, own expectation and scale, peer median and scale.</summary>
    private sealed record Departure(FacilityFeature Feature, double Value, double OwnExpected, double OwnZ, double PeerMedian, double PeerZ);

    public IReadOnlyList<AnomalyFinding> Detect(IReadOnlyList<FacilityMonth> rows)
    {
        var usable = UsableMonths(rows);
        var peers = usable.GroupBy(m => (m.tier, m.ownership, m.MonthIndex)).ToDictionary(g => g.Key, g => g.ToList());
        var findings = new List<AnomalyFinding>();
        foreach (var facility in usable.GroupBy(m => m.facility_code))
        {
            var series = facility.OrderBy(m => m.MonthIndex).ToList();
            var own = FacilityFeature.All.ToDictionary(f => f.Code, f => OwnExpectations(series, f));
            for (var i = 0; i < series.Count; i++)
            {
                var month = series[i];
                var departures = new List<Departure>();
                foreach (var feature in FacilityFeature.All)
                {
                    if (own[feature.Code][i] is not { } o || Log(feature.Read(month)) is not { } x) continue;
                    var peerValues = peers[(month.tier, month.ownership, month.MonthIndex)]
                        .Where(p => p.facility_code != month.facility_code).Select(p => Log(feature.Read(p))).OfType<double>().ToList();
                    if (peerValues.Count < _t.MinPeers) continue;
                    var median = Median(peerValues);
                    var peerScale = Math.Max(_t.MinScale, 1.4826 * Median(peerValues.Select(v => Math.Abs(v - median)).ToList()));
                    departures.Add(new Departure(feature, x, o.Expected, (x - o.Expected) / o.Scale, median, (x - median) / peerScale));
                }
                // A composition shift (drug or supplies share far from both its history and its peers) lowers the bar for cost.
                var shifted = departures.Any(d => d.Feature.Code is "drug_share" or "supplies_share" && d.OwnZ >= _t.OwnZ && d.PeerZ >= _t.PeerZ);
                var trigger = departures.Where(d => d.Feature.IsCost && d.OwnZ >= (shifted ? _t.SupportZ : _t.OwnZ) && d.PeerZ >= _t.PeerZ
                                                    && d.Value - d.OwnExpected >= Math.Log(1 + _t.MinRelativeChange))
                    .OrderByDescending(d => Math.Round(Score(d), 1)).FirstOrDefault();
                if (trigger is null) continue;
                var support = departures.Where(d => !d.Feature.IsCost && Math.Abs(d.OwnZ) >= _t.SupportZ)
                    .OrderByDescending(d => Math.Abs(d.OwnZ)).Take(2).ToList();
                findings.Add(Finding(month, trigger, support));
            }
        }
        return findings;
    }

    private static double Score(Departure d) => Math.Sqrt(Math.Max(0, d.OwnZ) * Math.Max(0, d.PeerZ));

    /// <summary>
    /// Months that are compared at all: enough claims, and not a collapse of the facility's volume (below a share of the
    /// median of its previous months — a facility closing, or a partial last month).
    /// </summary>
    private List<FacilityMonth> UsableMonths(IReadOnlyList<FacilityMonth> rows)
    {
        var usable = new List<FacilityMonth>();
        foreach (var facility in rows.GroupBy(r => r.facility_code))
        {
            var recent = new List<double>();
            foreach (var m in facility.OrderBy(r => r.MonthIndex))
            {
                var collapsing = recent.Count >= 3 && m.claims < _t.ClosingShare * Median(recent.TakeLast(_t.LevelMonths).ToList());
                if (m.claims >= _t.MinClaims && !collapsing) usable.Add(m);
                if (m.claims >= _t.MinClaims) recent.Add(m.claims);
            }
        }
        return usable;
    }

    private sealed record Expectation(double Expected, double Scale);

    /// <summary>
    /// For each month of a facility's usable series: the expected log value from its own history — the median of the
    /// last <see cref="FacilityThresholds.LevelMonths"/> months before it (the recent level, which follows a trend) plus
    /// the median seasonal departure of the same calendar month in earlier years from the level before them — and the
    /// robust scale of the residuals of the months before. Null until the facility has enough history.
    /// </summary>
    private Expectation?[] OwnExpectations(List<FacilityMonth> series, FacilityFeature feature)
    {
        var logs = series.Select(m => Log(feature.Read(m))).ToArray();
        var byMonth = new Dictionary<int, int>();
        for (var i = 0; i < series.Count; i++) byMonth[series[i].MonthIndex] = i;

        double? Level(int i)
        {
            var prior = new List<double>();
            for (var j = i - 1; j >= 0 && prior.Count < _t.LevelMonths && series[i].MonthIndex - series[j].MonthIndex <= 2 * _t.LevelMonths; j--)
                if (logs[j] is { } v) prior.Add(v);
            return prior.Count >= Math.Min(3, _t.LevelMonths) ? Median(prior) : null;
        }

        var expected = new double?[series.Count];
        var result = new Expectation?[series.Count];
        var residuals = new List<double>();
        for (var i = 0; i < series.Count; i++)
        {
            if (Level(i) is not { } level) continue;
            var seasonal = new List<double>();
            for (var k = 1; k <= 3; k++)
                if (byMonth.TryGetValue(series[i].MonthIndex - 12 * k, out var j) && logs[j] is { } past && Level(j) is { } pastLevel)
                    seasonal.Add(past - pastLevel);
            expected[i] = level + (seasonal.Count > 0 ? Median(seasonal) : 0);
            var history = logs.Take(i).Count(v => v is not null);
            if (history >= _t.MinHistoryMonths && logs[i] is not null)
            {
                var scale = residuals.Count >= 4
                    ? 1.4826 * Median(residuals.Select(r => Math.Abs(r - Median(residuals))).ToList())
                    : 1.4826 * Median(logs.Take(i).OfType<double>().TakeLast(_t.LevelMonths).Select(v => Math.Abs(v - level)).ToList());
                result[i] = new Expectation(expected[i]!.Value, Math.Max(_t.MinScale, scale));
            }
            if (logs[i] is { } x) residuals.Add(x - expected[i]!.Value);
        }
        return result;
    }

    private AnomalyFinding Finding(FacilityMonth month, Departure trigger, IReadOnlyList<Departure> support)
    {
        var score = Score(trigger);
        var severity = score >= _t.HighScore ? AnomalyFinding.High : score >= _t.MediumScore ? AnomalyFinding.Medium : AnomalyFinding.Low;
        var value = Math.Exp(trigger.Value);
        var expected = Math.Exp(trigger.OwnExpected);
        return new AnomalyFinding(AnomalyKinds.FacilityCostJump, "facility", month.facility_code, month.period_label,
            DateOnly.FromDateTime(month.period_start), DateOnly.FromDateTime(month.period_end), trigger.Feature.Code,
            Math.Round(value, 2), Math.Round(expected, 2), Math.Round(score, 2), severity,
            $"facility.profile(own_z={trigger.OwnZ.ToString("0.0", CultureInfo.InvariantCulture)},peer_z={trigger.PeerZ.ToString("0.0", CultureInfo.InvariantCulture)})",
            Explanation(month, trigger, support))
        {
            UnitCode = month.unit_code, FacilityCode = month.facility_code,
        };
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"Chi phí bình quân/lượt của X tháng 07/2023 là 412.000 đ, cao hơn 68 % so với mức dự kiến ... và bằng 2,1 lần trung vị ...; do tỷ lệ thuốc tăng từ 34 % lên 58 %."</summary>
    private static string Explanation(FacilityMonth month, Departure trigger, IReadOnlyList<Departure> support)
    {
        var f = trigger.Feature;
        var value = Math.Exp(trigger.Value);
        var expected = Math.Exp(trigger.OwnExpected);
        var peer = Math.Exp(trigger.PeerMedian);
        var ownership = month.ownership == "private" ? "tư nhân" : "công lập";
        var sentence = $"{f.Name} của {month.facility_name} ({month.facility_code}) tháng {month.period_start:MM}/{month.period_start:yyyy} là {f.Format(value)}, " +
                       $"cao hơn {Math.Round(100 * (value / expected - 1)).ToString("N0", Vi)} % so với mức dự kiến theo cùng kỳ và xu hướng gần đây ({f.Format(expected)}) " +
                       $"và bằng {(value / peer).ToString("N1", Vi)} lần trung vị các cơ sở cùng tuyến {month.tier}, {ownership} ({f.Format(peer)})";
        if (support.Count > 0)
            sentence += "; do " + string.Join(", ", support.Select(s =>
                $"{s.Feature.Name} {(s.Value > s.OwnExpected ? "tăng" : "giảm")} từ {s.Feature.Format(Math.Exp(s.OwnExpected))} {(s.Value > s.OwnExpected ? "lên" : "xuống")} {s.Feature.Format(Math.Exp(s.Value))}"));
        return sentence + ".";
    }

    private static double? Log(double? v) => v is { } x && x > 0 ? Math.Log(x) : v is 0 ? Math.Log(1e-3) : null;

    private static double Median(IReadOnlyList<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
