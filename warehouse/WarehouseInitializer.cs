using System.Diagnostics;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Schema;

namespace Bhyt.Warehouse;

/// <summary>What <c>bhyt init</c> did.</summary>
public sealed record InitReport(
    string Engine, string Target, int SchemaVersion, IReadOnlyList<MigrationScript> Applied,
    IReadOnlyList<ReferenceLoadResult> References, TimeSpan Elapsed);

/// <summary>Creates or migrates a warehouse and loads the bundled reference data; safe to run again.</summary>
public sealed class WarehouseInitializer(IWarehouseEngine engine)
{
    public async Task<InitReport> InitAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await engine.OpenAsync(ct);
        var applied = await new Migrator(engine).ApplyAsync(connection, ct);
        var references = await new ReferenceDataLoader(engine).LoadAsync(connection, ct);
        var version = await Migrator.CurrentVersionAsync(connection, ct);
        return new InitReport(engine.Name, engine.Target.ToString(), version, applied, references, clock.Elapsed);
    }
}
