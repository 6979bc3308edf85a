using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Periods;
using Dapper;

namespace Bhyt.Warehouse.Reference;

/// <summary>What one reference load did: <c>Rows</c> is null when the warehouse already had this version.</summary>
public sealed record ReferenceLoadResult(string Name, int? Rows);

/// <summary>
/// Loads the bundled reference data (indicator catalog, period calendar, administrative units) when the
/// warehouse does not hold this exact version yet; <c>etl.reference_load</c> remembers the content hash.
/// </summary>
public sealed class ReferenceDataLoader(IWarehouseEngine engine)
{
    private delegate Task<int> Load(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    public async Task<IReadOnlyList<ReferenceLoadResult>> LoadAsync(DbConnection connection, CancellationToken ct) =>
    [
        await LoadIfChangedAsync(connection, "indicators", EmbeddedReference.Sha256(EmbeddedReference.Indicators),
            (c, tx, t) => new IndicatorLoader(engine).LoadAsync(c, tx, IndicatorCatalog.Bundled, t), ct),
        await LoadIfChangedAsync(connection, "periods", PeriodCalendar.Version,
            async (c, tx, t) => (await new PeriodStore(engine).EnsureAsync(c, tx, PeriodCalendar.Seed(), t)).Count, ct),
        await LoadIfChangedAsync(connection, "admin_units", EmbeddedReference.Sha256(EmbeddedReference.AdminUnits, EmbeddedReference.AdminUnitLinks),
            (c, tx, t) => new AdminUnitLoader(engine).LoadAsync(c, tx, AdminUnitReference.BundledUnits(), AdminUnitReference.BundledLinks(), t), ct),
    ];

    private async Task<ReferenceLoadResult> LoadIfChangedAsync(DbConnection connection, string name, string version, Load load, CancellationToken ct)
    {
        var loaded = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(engine.Sql(
            "SELECT sha256 FROM etl.reference_load WHERE name = @name"), new { name }, cancellationToken: ct));
        var hash = version.Length == 64 ? version : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(version)));
        if (loaded?.Trim() == hash) return new ReferenceLoadResult(name, null);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = await load(connection, transaction, ct);
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("DELETE FROM etl.reference_load WHERE name = @name"),
            new { name }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql(
                "INSERT INTO etl.reference_load (name, sha256, row_count, loaded_at) VALUES (@name, @hash, @rows, @loadedAt)"),
            new { name, hash, rows, loadedAt = DateTime.UtcNow }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return new ReferenceLoadResult(name, rows);
    }
}
