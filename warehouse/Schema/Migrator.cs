using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Schema;

/// <summary>
/// Applies the engine's numbered scripts that the warehouse has not recorded yet, each in its own
/// transaction, and records version and checksum in <c>etl.schema_version</c>; then the repeatable scripts
/// (<see cref="MigrationScript.IsRepeatable"/>) whose text changed or that a numbered script of the pass may have undone.
/// </summary>
public sealed class Migrator(IWarehouseEngine engine, IReadOnlyList<MigrationScript> scripts)
{
    public Migrator(IWarehouseEngine engine) : this(engine, MigrationScript.For(engine.Name)) { }

    /// <summary>
    /// Applies pending migrations up to <paramref name="upToVersion"/> (all by default; tests build an older schema with it);
    /// returns the ones applied now (empty when up to date).
    /// </summary>
    public async Task<IReadOnlyList<MigrationScript>> ApplyAsync(DbConnection connection, CancellationToken ct, int upToVersion = int.MaxValue)
    {
        foreach (var bootstrap in scripts.Where(s => s.IsBootstrap))
            await ExecuteBatchesAsync(connection, null, bootstrap, ct);

        var applied = (await connection.QueryAsync<(int Version, string Checksum)>(new CommandDefinition(
                "SELECT version, checksum FROM etl.schema_version", cancellationToken: ct)))
            .ToDictionary(row => row.Version, row => row.Checksum.Trim());

        var appliedNow = new List<MigrationScript>();
        foreach (var script in scripts.Where(s => !s.IsBootstrap && !s.IsRepeatable && s.Version <= upToVersion))
        {
            if (applied.TryGetValue(script.Version, out var checksum))
            {
                if (checksum != script.Checksum)
                    throw new MigrationMismatchException(script, checksum);
                continue;
            }
            await ApplyAndRecordAsync(connection, script, ct);
            appliedNow.Add(script);
        }

        // After the numbered ones: a later numbered script that recreates a view drops what a repeatable one set on it.
        var numberedRan = appliedNow.Count > 0;
        foreach (var script in scripts.Where(s => s.IsRepeatable && s.Version <= upToVersion))
        {
            if (!numberedRan && applied.TryGetValue(script.Version, out var checksum) && checksum == script.Checksum) continue;
            await ApplyAndRecordAsync(connection, script, ct);
            appliedNow.Add(script);
        }
        return appliedNow;
    }

    private async Task ApplyAndRecordAsync(DbConnection connection, MigrationScript script, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteBatchesAsync(connection, transaction, script, ct);
        if (script.IsRepeatable)
            await connection.ExecuteAsync(new CommandDefinition(engine.Sql("DELETE FROM etl.schema_version WHERE version = @version"),
                new { version = script.Version }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
                "INSERT INTO etl.schema_version (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @appliedAt)"),
            new { version = script.Version, name = script.Name, checksum = script.Checksum, appliedAt = DateTime.UtcNow },
            transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Throws <see cref="WarehouseOutdatedException"/> when a numbered script of this version is not applied yet (every one
    /// of them for a file with no schema table, which was never initialised).
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        var hasSchemaTable = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'etl' AND table_name = 'schema_version'", cancellationToken: ct)) > 0;
        var applied = hasSchemaTable
            ? (await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM etl.schema_version", cancellationToken: ct))).ToHashSet()
            : [];
        var pending = scripts.Where(s => !s.IsBootstrap && !s.IsRepeatable && !applied.Contains(s.Version)).ToList();
        if (pending.Count > 0) throw new WarehouseOutdatedException(engine.Target, pending, initialised: hasSchemaTable);
    }

    /// <summary>The highest version recorded in the warehouse (0 when none).</summary>
    public static async Task<int> CurrentVersionAsync(DbConnection connection, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT max(version) FROM etl.schema_version", cancellationToken: ct)) ?? 0;

    private async Task ExecuteBatchesAsync(DbConnection connection, DbTransaction? transaction, MigrationScript script, CancellationToken ct)
    {
        foreach (var batch in engine.SplitBatches(script.Sql))
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: ct));
            }
            catch (DbException e)
            {
                throw new InvalidOperationException($"Migration {script.Name} ({engine.Name}) failed: {e.Message}", e);
            }
        }
    }
}
