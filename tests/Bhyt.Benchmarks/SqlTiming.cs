using System.Diagnostics;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Benchmarks;

public static class SqlTiming
{
    public static async Task RunAsync(string warehouse, string file)
    {
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
        await using var connection = await engine.OpenAsync(CancellationToken.None);
        foreach (var sql in File.ReadAllText(file).Split("\n;;\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var rows = (await connection.QueryAsync(new CommandDefinition(sql, commandTimeout: 3600))).ToList();
            Console.WriteLine($"{clock.Elapsed.TotalSeconds,7:N2} s cpu={(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,6:N2} rows={rows.Count} :: {sql.Trim().Split('\n')[0]}");
            foreach (var r in rows.Take(3)) Console.WriteLine("   " + r);
        }
    }
}
