using System.Diagnostics;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Schema;

namespace Bhyt.Warehouse;

/// <summary>What <c>bhyt init</c> did.</summary>
public sealed record InitReport(
    string Engine, string Target, int SchemaVersion, IReadOnlyList<MigrationScript> Applied,
    IReadOnlyList<ReferenceLoadResult> References, TimeSpan Elapsed);

/// <summary>
/// Creates or migrates a warehouse and loads the bundled reference data; safe to run again. When the catalog (its ratio
/// definitions) or the unit succession changed, every derived series is recomputed from the figures already loaded, so
/// a warehouse migrated from an older version gets its derived values without reloading anything.
/// </summary>
public sealed class WarehouseInitializer(IWarehouseEngine engine)
{
    /// <summary>Upper bound on the scripts applied (tests build an older schema with it).</summary>
    public int UpToVersion { get; init; } = int.MaxValue;

    public async Task<InitReport> InitAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await engine.OpenAsync(ct);
        var applied = await new Migrator(engine).ApplyAsync(connection, ct, UpToVersion);
        if (UpToVersion != int.MaxValue)
            return new InitReport(engine.Name, engine.Target.ToString(), await Migrator.CurrentVersionAsync(connection, ct), applied, [], clock.Elapsed);
        var references = await new ReferenceDataLoader(engine).LoadAsync(connection, ct);
        if (references.Any(r => r.Rows is not null && r.Name is "indicators" or "admin_units"))
            await RefreshDerivedAsync(connection, ct);
        var version = await Migrator.CurrentVersionAsync(connection, ct);
        return new InitReport(engine.Name, engine.Target.ToString(), version, applied, references, clock.Elapsed);
    }

    private async Task RefreshDerivedAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await new Derived.DerivedSeries(engine).RefreshAsync(connection, transaction,
            "SELECT DISTINCT unit_key FROM dw.fct_indicator_value WHERE source <> 'derived'", null, ct);
        await transaction.CommitAsync(ct);
    }
}
