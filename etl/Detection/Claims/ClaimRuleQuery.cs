using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Etl.Detection.Claims;

/// <summary>What the claim rules' queries share: the connection, the examined months, the claim's columns and findings.</summary>
internal sealed class ClaimRuleQuery(DetectionContext context, CancellationToken ct)
{
    public IWarehouseEngine Engine => context.Engine;

    public DbConnection Connection => context.Connection;

    /// <summary>Whether the detection has a first and a last month.</summary>
    public ClaimRuleSql.Months Months { get; } = new(context.From is not null, context.To is not null);

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
