using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;
using Dapper;

namespace Bhyt.Warehouse.Derived;

/// <summary>
/// The series the warehouse computes from loaded figures, defined once and stored beside them in
/// <c>dw.fct_indicator_value</c> (<c>source = 'derived'</c>) so that the dashboard, exports, analysts' SQL and anomaly
/// detection all read the same numbers from <c>rpt.indicator_values</c> (derivations documented in <c>rpt.derivations</c>):
/// <list type="bullet">
/// <item><c>map2025</c>: a 2025 unit's figure for a period before the reform (1/7/2025) = Σ predecessor figure × weight
/// over <c>dw.unit_succession</c> (units of the same level), for stocks and flows only, and only when every predecessor
/// has the figure — a partial sum would read as a fall in coverage;</item>
/// <item><c>ratio</c> / <c>map2025+ratio</c>: every ratio of the catalog (numerator / denominator × scale) where both parts
/// are current for a unit, period and kind and the ratio itself was not reported — fund revenue against plan, coverage
/// rate, group shares, cost per visit; a rate of a 2025 unit before the reform is computed from its mapped parts, never
/// summed.</item>
/// </list>
/// Reported and claims-derived figures are never mixed: each derivation runs per basis (<c>derived_from</c>: reported
/// or claims). Refreshed inside the load's transaction for the units the load touched and their 2025 successors;
/// history is kept (<see cref="ValueRefresh"/>).
/// </summary>
public sealed class DerivedSeries(IWarehouseEngine engine)
{
    public const string Mapped = "map2025";
    public const string Ratio = "ratio";
    public const string MappedRatio = "map2025+ratio";

    // The basis of a current value: what it was computed from.
    private const string Basis = "CASE WHEN f.source = 'derived' THEN f.derived_from WHEN f.source = 'claims' THEN 'claims' ELSE 'reported' END";

    private const string InScope = "f.unit_key IN (SELECT r.unit_key FROM etl.refresh_scope r WHERE r.run_id = @run)";

    /// <summary>Refreshes the derived values of the units whose figures the load changed (<paramref name="changedUnits"/>, a SELECT of unit keys).</summary>
    public async Task RefreshAsync(DbConnection connection, DbTransaction transaction, string changedUnits, object? parameters, CancellationToken ct)
    {
        var refresh = new ValueRefresh(engine);
        var run = await refresh.StartAsync(connection, transaction, ct);
        var args = new DynamicParameters(parameters);
        args.AddDynamicParams(new { run, current = true, reform = BoundarySets.ReformDate });
        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO etl.refresh_scope (run_id, unit_key)
            SELECT DISTINCT @run, c.unit_key FROM ({changedUnits}) c
            """, args, ct);
        await ExecuteAsync(connection, transaction, """
            INSERT INTO etl.refresh_scope (run_id, unit_key)
            SELECT DISTINCT @run, s.new_unit_key FROM dw.unit_succession s
            WHERE s.old_unit_key IN (SELECT r.unit_key FROM etl.refresh_scope r WHERE r.run_id = @run)
              AND s.new_unit_key NOT IN (SELECT r.unit_key FROM etl.refresh_scope r WHERE r.run_id = @run)
            """, args, ct);

        await ExecuteAsync(connection, transaction, StageMapped, args, ct);
        await refresh.ApplyAsync(connection, transaction, run, "derived", $"f.source_ref = '{Mapped}' AND {InScope}", args, ct);
        await ExecuteAsync(connection, transaction, StageRatios, args, ct);
        await refresh.ApplyAsync(connection, transaction, run, "derived", $"f.source_ref IN ('{Ratio}', '{MappedRatio}') AND {InScope}", args, ct);
        await refresh.FinishAsync(connection, transaction, run, ct);
    }

    private static readonly string StageMapped = $"""
        INSERT INTO etl.value_stage (run_id, unit_key, period_key, indicator_key, value_kind, value, source, source_ref, derived_from, source_location)
        SELECT @run, g.unit_key, g.period_key, g.indicator_key, g.value_kind, g.value, 'derived', '{Mapped}', g.basis, NULL
        FROM (
            SELECT m.new_unit_key AS unit_key, f.period_key, f.indicator_key, f.value_kind, {Basis} AS basis,
                   sum(f.value * m.weight) AS value, count(DISTINCT m.old_unit_key) AS parts, max(m.parts) AS expected
            FROM (
                SELECT s.old_unit_key, s.new_unit_key, s.weight, c.parts
                FROM dw.unit_succession s
                JOIN dw.dim_unit o ON o.unit_key = s.old_unit_key
                JOIN dw.dim_unit n ON n.unit_key = s.new_unit_key AND n.level = o.level
                JOIN (SELECT s2.new_unit_key, count(*) AS parts
                      FROM dw.unit_succession s2
                      JOIN dw.dim_unit o2 ON o2.unit_key = s2.old_unit_key
                      JOIN dw.dim_unit n2 ON n2.unit_key = s2.new_unit_key AND n2.level = o2.level
                      GROUP BY s2.new_unit_key) c ON c.new_unit_key = s.new_unit_key
                WHERE s.new_unit_key IN (SELECT r.unit_key FROM etl.refresh_scope r WHERE r.run_id = @run)
            ) m
            JOIN dw.fct_indicator_value f ON f.unit_key = m.old_unit_key AND f.is_current = @current AND f.source <> 'derived'
            JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key AND i.measure IN ('stock', 'flow')
            JOIN dw.dim_period p ON p.period_key = f.period_key AND p.end_date < @reform
            GROUP BY m.new_unit_key, f.period_key, f.indicator_key, f.value_kind, {Basis}
        ) g
        WHERE g.parts = g.expected
          AND NOT EXISTS (SELECT 1 FROM dw.fct_indicator_value f
                          WHERE f.unit_key = g.unit_key AND f.period_key = g.period_key AND f.indicator_key = g.indicator_key
                            AND f.value_kind = g.value_kind AND f.is_current = @current AND f.source <> 'derived' AND {Basis} = g.basis)
        """;

    // Inputs of a ratio: current figures of the units in scope as loaded, or mapped onto a 2025 unit.
    private static readonly string Inputs = $"""
        SELECT f.unit_key, f.period_key, f.indicator_key, f.value_kind, f.value, f.source, {Basis} AS basis
        FROM dw.fct_indicator_value f
        WHERE f.is_current = @current AND (f.source <> 'derived' OR f.source_ref = '{Mapped}') AND {InScope}
        """;

    private static readonly string StageRatios = $"""
        INSERT INTO etl.value_stage (run_id, unit_key, period_key, indicator_key, value_kind, value, source, source_ref, derived_from, source_location)
        SELECT @run, n.unit_key, n.period_key, r.indicator_key, n.value_kind,
               round(n.value / d.value * r.ratio_scale, {RatioDefinition.Decimals}), 'derived',
               CASE WHEN n.source = 'derived' OR d.source = 'derived' THEN '{MappedRatio}' ELSE '{Ratio}' END, n.basis, NULL
        FROM dw.dim_indicator r
        JOIN dw.dim_indicator ni ON ni.code = r.ratio_numerator
        JOIN dw.dim_indicator di ON di.code = r.ratio_denominator
        JOIN ({Inputs}) n ON n.indicator_key = ni.indicator_key
        JOIN ({Inputs}) d ON d.indicator_key = di.indicator_key AND d.unit_key = n.unit_key AND d.period_key = n.period_key
                         AND d.value_kind = n.value_kind AND d.basis = n.basis
        WHERE d.value <> 0
          AND NOT EXISTS (SELECT 1 FROM dw.fct_indicator_value f
                          WHERE f.unit_key = n.unit_key AND f.period_key = n.period_key AND f.indicator_key = r.indicator_key
                            AND f.value_kind = n.value_kind AND f.is_current = @current AND f.source <> 'derived' AND {Basis} = n.basis)
        """;

    private Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(engine.Sql(sql), parameters, transaction, commandTimeout: 0, cancellationToken: ct));
}
