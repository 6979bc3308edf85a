using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Dapper;

namespace Bhyt.Etl.Alerts;

/// <summary>
/// The anomaly-backed conditions: reads <c>rpt.anomalies</c> (never re-detects) and keeps the anomalies that still stand —
/// not dismissed or resolved by a reviewer, and not cleared (<c>rpt.anomalies.cleared_at</c>: missed by a later detection
/// sweep of their kind over their period). Each standing anomaly meets each rule in force for its unit whose
/// condition reads its kind, at or above the rule's minimum severity and threshold; anomalies of one rule, unit and period
/// make one candidate (many flagged claims of a district in a month are one alert).
/// </summary>
public sealed class AnomalyConditions(IWarehouseEngine engine)
{
    private sealed record Standing(long AnomalyId, string Kind, string? UnitCode, string? PeriodLabel, string Severity, double? Score, string Explanation);

    // Only the kinds and severities some enabled rule can use are read: the many low-severity claim flags stay in the warehouse.
    private const string StandingSql = """
        SELECT a.anomaly_id AS AnomalyId, a.kind AS Kind, a.unit_code AS UnitCode, a.period_label AS PeriodLabel, a.severity AS Severity,
               a.score AS Score, a.explanation AS Explanation
        FROM rpt.anomalies a
        WHERE a.status NOT IN ('dismissed', 'resolved') AND a.kind IN ({0}) AND a.severity IN ({1}) AND a.cleared_at IS NULL
        ORDER BY a.anomaly_id
        """;

    public async Task<List<AlertCandidate>> FindAsync(DbConnection connection, DbTransaction transaction, AlertRuleSet rules, UnitTree units,
        CancellationToken ct)
    {
        var enabled = rules.Rules.Where(r => r.Enabled && AlertConditions.AnomalyKindsOf.ContainsKey(r.Condition)).ToList();
        if (enabled.Count == 0) return [];
        var parameters = new DynamicParameters();
        var kinds = SqlList.Add(parameters, "k", enabled.SelectMany(r => AlertConditions.AnomalyKindsOf[r.Condition]).Distinct());
        var lowest = enabled.Min(r => Severity.Rank(r.MinSeverity));
        var severities = SqlList.Add(parameters, "s", new[] { "low", "medium", "high" }.Where(v => Severity.Rank(v) >= lowest));
        var anomalies = await connection.QueryAsync<Standing>(new CommandDefinition(engine.Sql(string.Format(StandingSql, kinds, severities)),
            parameters, transaction, cancellationToken: ct));
        var matches = new List<(AlertRule Rule, Standing Anomaly)>();
        foreach (var anomaly in anomalies)
            foreach (var rule in rules.InForce(anomaly.UnitCode))
                if (Meets(rule, anomaly)) matches.Add((rule, anomaly));

        return matches
            .GroupBy(m => (m.Rule.Code, m.Anomaly.UnitCode, m.Anomaly.PeriodLabel))
            .Select(g => Candidate(g.First().Rule, g.Select(m => m.Anomaly).ToList(), units))
            .ToList();
    }

    private static bool Meets(AlertRule rule, Standing anomaly) =>
        AlertConditions.Reads(rule.Condition, anomaly.Kind)
        && Severity.AtLeast(anomaly.Severity, rule.MinSeverity)
        && (rule.Threshold is not { } threshold || anomaly.Score is not { } score || score >= threshold);

    private static AlertCandidate Candidate(AlertRule rule, List<Standing> anomalies, UnitTree units)
    {
        var strongest = anomalies.OrderByDescending(a => Severity.Rank(a.Severity)).ThenByDescending(a => a.Score ?? double.MinValue).First();
        var message = rule.Condition == AlertConditions.ClaimsAnomaly
            ? AlertTexts.ClaimsSummary(units.Name(strongest.UnitCode), strongest.PeriodLabel, anomalies.Select(a => a.Kind).ToList(), strongest.Explanation)
            : strongest.Explanation;
        return new AlertCandidate(rule, strongest.UnitCode, strongest.PeriodLabel, strongest.Severity, message, strongest.AnomalyId);
    }
}
