using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Derived;

/// <summary>
/// Brings the current values of one computed series (claims-derived or derived) in line with what was just computed
/// into <c>etl.value_stage</c> for a refresh run, keeping history: a value that did not change keeps its row; a
/// changed value gets a new row and the old one is marked not current with <c>superseded_by</c> pointing at it; a value
/// no longer computed (its inputs are gone, or the figure is now reported) is marked not current. Nothing is deleted.
/// Set-based: a handful of statements whatever the number of values.
/// </summary>
public sealed class ValueRefresh(IWarehouseEngine engine)
{
    /// <summary>The columns of <c>dw.fct_indicator_value</c> in the order every loader writes them.</summary>
    public static readonly string[] ValueColumns =
    [
        "value_id", "unit_key", "period_key", "indicator_key", "value_kind", "value", "source", "source_ref", "submission_id",
        "source_location", "source_text", "is_current", "superseded_by", "loaded_at", "derived_from",
    ];

    public static readonly string[] StageColumns =
        ["run_id", "unit_key", "period_key", "indicator_key", "value_kind", "value", "source", "source_ref", "derived_from", "source_location"];

    // The same figure of the same series: unit, period, indicator, kind, source and derivation.
    private const string SameSeries = """
        s.unit_key = f.unit_key AND s.period_key = f.period_key AND s.indicator_key = f.indicator_key AND s.value_kind = f.value_kind
          AND s.source = f.source AND coalesce(s.source_ref, '') = coalesce(f.source_ref, '') AND coalesce(s.derived_from, '') = coalesce(f.derived_from, '')
        """;

    /// <summary>A new refresh run: the key that tags its rows in <c>etl.value_stage</c> and <c>etl.refresh_scope</c>.</summary>
    public Task<long> StartAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        engine.ReserveKeysAsync(connection, transaction, "etl.seq_refresh", 1, ct);

    /// <summary>
    /// Applies the run's staged values of <paramref name="source"/> to the current values that <paramref name="scope"/>
    /// selects (a fixed SQL condition over <c>f</c>, the fact row, with the run's parameters); returns (added, retired).
    /// </summary>
    public async Task<(int Added, int Retired)> ApplyAsync(DbConnection connection, DbTransaction transaction, long run, string source, string scope,
        object? scopeParameters, CancellationToken ct)
    {
        var parameters = new DynamicParameters(scopeParameters);
        parameters.AddDynamicParams(new { run, source, current = true, notCurrent = false, now = DateTime.UtcNow });
        var changed = $"""
            FROM etl.value_stage s
            WHERE s.run_id = @run AND s.source = @source
              AND NOT EXISTS (SELECT 1 FROM dw.fct_indicator_value f WHERE f.is_current = @current AND {SameSeries} AND f.value = s.value)
            """;
        var count = await connection.ExecuteScalarAsync<int>(Command($"SELECT count(*) {changed}", parameters, transaction, ct));
        // New rows take keys from @first on; every older current row in scope is below it (with nothing new, all are).
        var first = count > 0 ? await engine.ReserveKeysAsync(connection, transaction, "dw.seq_value", count, ct) : long.MaxValue;
        parameters.Add("first", first);
        if (count > 0)
            await connection.ExecuteAsync(Command($"""
                INSERT INTO dw.fct_indicator_value ({string.Join(", ", ValueColumns)})
                SELECT @first - 1 + row_number() OVER (ORDER BY s.unit_key, s.period_key, s.indicator_key, s.value_kind, s.source_ref, s.derived_from),
                       s.unit_key, s.period_key, s.indicator_key, s.value_kind, s.value, s.source, s.source_ref, NULL,
                       s.source_location, NULL, @current, NULL, @now, s.derived_from
                {changed}
                """, parameters, transaction, ct));
        var retired = await connection.ExecuteAsync(Command($"""
            UPDATE dw.fct_indicator_value
            SET is_current = @notCurrent,
                superseded_by = (SELECT max(n.value_id) FROM dw.fct_indicator_value n
                                 WHERE n.value_id >= @first AND n.unit_key = dw.fct_indicator_value.unit_key
                                   AND n.period_key = dw.fct_indicator_value.period_key AND n.indicator_key = dw.fct_indicator_value.indicator_key
                                   AND n.value_kind = dw.fct_indicator_value.value_kind AND n.source = dw.fct_indicator_value.source
                                   AND coalesce(n.source_ref, '') = coalesce(dw.fct_indicator_value.source_ref, '')
                                   AND coalesce(n.derived_from, '') = coalesce(dw.fct_indicator_value.derived_from, ''))
            WHERE value_id IN (
                SELECT f.value_id FROM dw.fct_indicator_value f
                WHERE f.is_current = @current AND f.source = @source AND f.value_id < @first AND ({scope})
                  AND NOT EXISTS (SELECT 1 FROM etl.value_stage s WHERE s.run_id = @run AND {SameSeries} AND f.value = s.value))
            """, parameters, transaction, ct));
        return (count, retired);
    }

    /// <summary>Empties the run's work rows (they are never needed after the load's transaction).</summary>
    public async Task FinishAsync(DbConnection connection, DbTransaction transaction, long run, CancellationToken ct)
    {
        await connection.ExecuteAsync(Command("DELETE FROM etl.value_stage WHERE run_id = @run", new { run }, transaction, ct));
        await connection.ExecuteAsync(Command("DELETE FROM etl.refresh_scope WHERE run_id = @run", new { run }, transaction, ct));
    }

    private CommandDefinition Command(string sql, object? parameters, DbTransaction transaction, CancellationToken ct) =>
        new(engine.Sql(sql), parameters, transaction, commandTimeout: 0, cancellationToken: ct);
}
