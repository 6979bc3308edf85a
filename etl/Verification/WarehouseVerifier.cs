using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Schema;
using Dapper;

namespace Bhyt.Etl.Verification;

/// <summary>
/// Runs every integrity rule over one connection, read only: each rule's query streams the rows that break it, the first
/// <see cref="Examples"/> are kept as examples and the rest counted.
/// </summary>
public sealed class WarehouseVerifier(IWarehouseEngine engine, IReadOnlyList<IVerificationFamily> families)
{
    public const int Examples = 5;

    /// <summary>The rule families of <c>bhyt verify</c>, in the order they are reported.</summary>
    public static IReadOnlyList<IVerificationFamily> All { get; } =
        [new DimensionReferences(), new ValueHistory(), new ClaimAggregates(), new ClaimIndicators(), new SubmissionCounts()];

    public WarehouseVerifier(IWarehouseEngine engine) : this(engine, All) { }

    public async Task<VerificationReport> VerifyAsync(CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        var findings = new List<VerificationFinding>();
        await using var connection = await engine.OpenAsync(ct);
        await EnsureCurrentSchemaAsync(connection, ct);
        foreach (var check in families.SelectMany(f => f.Checks))
            if (await RunAsync(connection, check, ct) is { } finding) findings.Add(finding);
        return new VerificationReport(started, DateTime.UtcNow, findings);
    }

    // The rules read the latest tables: an empty or older warehouse is a usage error, not a list of findings.
    private async Task EnsureCurrentSchemaAsync(DbConnection connection, CancellationToken ct)
    {
        var expected = MigrationScript.For(engine.Name).Max(s => s.Version);
        int version;
        try { version = await Migrator.CurrentVersionAsync(connection, ct); }
        catch (DbException) { version = 0; }
        if (version < expected)
            throw new ArgumentException($"Kho {engine.Target} chưa được khởi tạo hoặc chưa cập nhật (phiên bản lược đồ {version}, cần {expected}); hãy chạy 'bhyt init'.");
    }

    private async Task<VerificationFinding?> RunAsync(DbConnection connection, VerificationCheck check, CancellationToken ct)
    {
        var examples = new List<string>();
        long count = 0;
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(engine.Sql(check.Sql),
            new { current = true, notCurrent = false }, commandTimeout: 0, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
        {
            if (count++ < Examples) examples.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }
        return count == 0 ? null : VerificationFinding.Of(check.Code, check.Table, count, examples, check.What);
    }
}
