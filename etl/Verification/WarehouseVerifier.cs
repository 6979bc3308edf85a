using System.Data.Common;
using Bhyt.Warehouse.Engines;
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
        foreach (var check in families.SelectMany(f => f.Checks))
            if (await RunAsync(connection, check, ct) is { } finding) findings.Add(finding);
        return new VerificationReport(started, DateTime.UtcNow, findings);
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
