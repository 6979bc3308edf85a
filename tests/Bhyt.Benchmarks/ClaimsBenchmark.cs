using System.Diagnostics;
using System.Globalization;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Dapper;
using DuckDB.NET.Data;

namespace Bhyt.Benchmarks;

/// <summary>
/// Claims ingest on a generated folder (facilities.csv + claims.csv from <c>bhyt generate</c>): the end-to-end
/// <c>bhyt import</c> path, DuckDB's own <c>read_csv</c> of the same file into the same table shape (the engine's
/// limit), and a naive row-by-row Dapper INSERT on a 100k-row slice. Each run is a child process so that its peak
/// resident memory (VmHWM) is its own.
/// </summary>
public static class ClaimsBenchmark
{
    private const int NaiveRows = 100_000;

    public static async Task RunAsync(string folder, int runs)
    {
        var claims = Path.Combine(folder, "claims.csv");
        var rows = File.ReadLines(claims).LongCount() - 1;
        var megabytes = new FileInfo(claims).Length / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claims file: {rows:N0} rows, {megabytes:N0} MB; {runs} runs each (median)"));
        var import = Median(runs, () => Child("import", folder));
        var engineLimit = Median(runs, () => Child("read_csv", folder));
        var naive = Median(runs, () => Child("naive", folder));
        Print("bhyt import (end to end)", rows, megabytes, import);
        Print("DuckDB read_csv → same shape", rows, megabytes, engineLimit);
        Print($"naive Dapper INSERT ({NaiveRows:N0} rows)", NaiveRows, megabytes * NaiveRows / rows, naive);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratios: import / read_csv = {rows / import.Seconds / (rows / engineLimit.Seconds):P0} of the engine's rate; import / naive = {rows / import.Seconds / (NaiveRows / naive.Seconds):N0}×"));
        await Task.CompletedTask;
    }

    /// <summary>One phase in this process (called in the child): prints "seconds peak_kib".</summary>
    public static async Task PhaseAsync(string phase, string folder)
    {
        var warehouse = Path.Combine(folder, $"bench-{phase}-{Environment.ProcessId}.duckdb");
        try
        {
            var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
            await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
            var service = await ImportService.CreateAsync(engine, CancellationToken.None);
            await service.ImportAsync(Path.Combine(folder, "facilities.csv"), new ImportOptions(ImportKinds.Facilities), null, CancellationToken.None);
            var clock = Stopwatch.StartNew();
            switch (phase)
            {
                case "import":
                    var result = await service.ImportAsync(Path.Combine(folder, "claims.csv"), new ImportOptions(ImportKinds.Claims), null, CancellationToken.None);
                    if (result.IsRejected) throw new InvalidOperationException(result.Issues.FirstOrDefault()?.Message);
                    break;
                case "read_csv":
                    await ReadCsvAsync(warehouse, Path.Combine(folder, "claims.csv"));
                    break;
                default:
                    await NaiveAsync(engine, Path.Combine(folder, "claims.csv"));
                    break;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds} {PeakKib()}"));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(folder, Path.GetFileName(warehouse) + "*")) File.Delete(file);
        }
    }

    // The engine's limit: the same rows, parsed and typed by DuckDB itself, into a table of fct_claim's shape.
    private static async Task ReadCsvAsync(string warehouse, string claims)
    {
        await using var connection = new DuckDBConnection($"Data Source={warehouse}");
        await connection.OpenAsync();
        await connection.ExecuteAsync($"""
            CREATE TABLE bench_claim AS
            SELECT row_number() OVER () AS claim_key, MA_LK AS claim_id, sha256(MA_THE) AS card_pseudonym, MA_CSKCB AS facility_code,
                   MATINH_CU_TRU AS residence_province,
                   CASE MA_LOAI_KCB WHEN 1 THEN 'exam' WHEN 3 THEN 'inpatient' ELSE 'outpatient' END AS visit_type,
                   strptime(CAST(NGAY_VAO AS VARCHAR), '%Y%m%d%H%M') AS admitted_at, strptime(CAST(NGAY_RA AS VARCHAR), '%Y%m%d%H%M') AS discharged_at,
                   SO_NGAY_DTRI AS length_of_stay, MA_BENH AS primary_icd, CAST(T_TONGCHI AS DECIMAL(18,2)) AS total_cost,
                   CAST(T_BHTT AS DECIMAL(18,2)) AS insurer_paid, CAST(T_BNCCT AS DECIMAL(18,2)) AS patient_paid,
                   CAST(T_THUOC AS DECIMAL(18,2)) AS drug_cost, CAST(T_VTYT AS DECIMAL(18,2)) AS supplies_cost
            FROM read_csv('{claims.Replace("'", "''")}', header = true, all_varchar = false)
            """, commandTimeout: 0);
    }

    private static async Task NaiveAsync(IWarehouseEngine engine, string claims)
    {
        await using var connection = await engine.OpenAsync(CancellationToken.None);
        var key = 0L;
        foreach (var line in File.ReadLines(claims).Skip(1).Take(NaiveRows))
        {
            var f = line.Split(',');
            await connection.ExecuteAsync(engine.Sql("""
                INSERT INTO dw.fct_claim (claim_key, claim_id, card_pseudonym, facility_code, visit_type, admitted_at, month_key, total_cost, submission_id, source_row)
                VALUES (@key, @id, @card, @facility, 'exam', @admitted, 1, @total, 0, 0)
                """), new { key = ++key, id = f[0], card = f[1], facility = f[2],
                admitted = DateTime.ParseExact(f[4], "yyyyMMddHHmm", CultureInfo.InvariantCulture), total = decimal.Parse(f[8], CultureInfo.InvariantCulture) });
        }
    }

    private static (double Seconds, long PeakKib) Median(int runs, Func<(double, long)> run)
    {
        var results = Enumerable.Range(0, runs).Select(_ => run()).OrderBy(r => r.Item1).ToList();
        return results[results.Count / 2];
    }

    private static (double, long) Child(string phase, string folder)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") info.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        info.ArgumentList.Add("claims-phase");
        info.ArgumentList.Add(phase);
        info.ArgumentList.Add(folder);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"phase {phase} failed: {string.Join(' ', output)}");
        return (double.Parse(output[0], CultureInfo.InvariantCulture), long.Parse(output[1], CultureInfo.InvariantCulture));
    }

    private static long PeakKib() => File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:"))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();

    private static void Print(string name, long rows, double megabytes, (double Seconds, long PeakKib) r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} {r.Seconds,8:N1} s  {rows / r.Seconds,12:N0} rows/s  {megabytes / r.Seconds,7:N1} MB/s  peak RSS {r.PeakKib / 1024.0,7:N0} MiB"));
}
