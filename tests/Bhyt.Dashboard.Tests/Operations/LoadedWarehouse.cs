using Bhyt.Etl.Cli;
using Bhyt.Etl.Verification;
using Bhyt.Warehouse.Engines;
using Dapper;
using DuckDB.NET.Data;

namespace Bhyt.Dashboard.Tests.Operations;

/// <summary>
/// A warehouse loaded through <c>bhyt</c> before a dashboard starts on it (generated district: facilities, claims,
/// submissions), its last verification stored, and the row count of every rpt view taken while nothing holds the file.
/// </summary>
public static class LoadedWarehouse
{
    private static readonly SemaphoreSlim ConsoleTurn = new(1, 1);

    public static async Task CreateAsync(string folder, string warehouse)
    {
        var generated = Path.Combine(folder, "generated");
        foreach (var args in new[]
                 {
                     new[] { "generate", "--out", generated, "--scale", "district", "--claims", "1500", "--from", "2021", "--to", "2022", "--seed", "23" },
                     ["init", "--warehouse", warehouse],
                     ["import", generated, "--warehouse", warehouse],
                 })
        {
            var (code, output) = await BhytAsync(args);
            if (code != ExitCodes.Ok) throw new InvalidOperationException($"bhyt {string.Join(' ', args)}: exit {code}\n{output}");
        }
    }

    /// <summary>Runs <c>bhyt</c> in this process; its exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> BhytAsync(params string[] args)
    {
        // Console is one per process: runs from tests in parallel take turns, so none restores another's writer.
        await ConsoleTurn.WaitAsync();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        await using var output = new StringWriter();
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            return (await BhytCli.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            ConsoleTurn.Release();
        }
    }

    /// <summary>Runs <c>bhyt verify</c>'s checks and stores the result, as the nightly job does.</summary>
    public static async Task<VerificationReport> VerifyAndStoreAsync(string warehouse)
    {
        var engine = WarehouseEngine.For(warehouse);
        var report = await new WarehouseVerifier(engine).VerifyAsync(CancellationToken.None);
        await new VerifyRunStore(engine).SaveAsync(report, CancellationToken.None);
        return report;
    }

    public static async Task<Dictionary<string, long>> ViewCountsAsync(string warehouse)
    {
        await using var connection = new DuckDBConnection($"Data Source={warehouse};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var view in await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'rpt' AND table_type = 'VIEW'"))
            counts["rpt." + view] = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM rpt.\"{view}\"");
        return counts;
    }

    public static async Task ExecuteAsync(string warehouse, string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={warehouse}");
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
