using System.Diagnostics;
using System.Globalization;
using Bhyt.Etl.Import;
using Bhyt.Etl.Loading;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Dapper;
using DuckDB.NET.Data;

namespace Bhyt.Benchmarks;

/// <summary>
/// Claims ingest on a generated folder (facilities.csv + claims.csv from <c>bhyt generate</c>): the end-to-end
/// <c>bhyt import</c> of the claims file against two references on the same file in the same run — (a) DuckDB's plain
/// parallel <c>read_csv</c> into a table (the engine's raw speed) and (b) DuckDB loading the file into the shape of
/// <c>dw.fct_claim</c> with one parallel <c>CREATE TABLE … AS SELECT … FROM read_csv(…)</c>, written as a skilled DuckDB user
/// would (keyed sha256 of the card, strptime, decimal casts, facility and month keys joined) — and the C# reader alone
/// (parse, validate, pseudonymise: where the import's first phase spends its time). Each run is a child process, so its
/// peak resident memory (VmHWM) is its own; the phases run in turn within each round, so the ratios pair runs made
/// under the same load of the shared machine.
/// </summary>
public static class ClaimsBenchmark
{
    private static readonly string[] Phases = ["import", "read_csv", "same_shape", "reader"];

    public static async Task RunAsync(string folder, int runs)
    {
        var claims = Path.Combine(folder, "claims.csv");
        var rows = File.ReadLines(claims).LongCount() - 1;
        var megabytes = new FileInfo(claims).Length / 1048576.0;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"claims file: {rows:N0} rows, {megabytes:N0} MB; {runs} rounds of {string.Join(", ", Phases)}; {Environment.ProcessorCount} cores; load {LoadAverage()}"));
        var results = Phases.ToDictionary(p => p, _ => new List<(double Seconds, long PeakKib)>());
        for (var round = 0; round < runs; round++)
            foreach (var phase in Phases)
                results[phase].Add(Child(phase, folder));

        Print("bhyt import (end to end)", rows, megabytes, results["import"]);
        Print("(a) DuckDB read_csv → table", rows, megabytes, results["read_csv"]);
        Print("(b) DuckDB CTAS → fct_claim shape", rows, megabytes, results["same_shape"]);
        Print("C# reader alone (no warehouse)", rows, megabytes, results["reader"]);
        // import/(x) as a ratio of rates = (x)'s seconds / import's seconds, paired round by round.
        string Ratio(string reference) => Percentiles(results[reference].Zip(results["import"], (r, i) => r.Seconds / i.Seconds).ToList(), "N2");
        Console.WriteLine($"ratio of rates import/(a) read_csv: {Ratio("read_csv")}");
        Console.WriteLine($"ratio of rates import/(b) same shape: {Ratio("same_shape")}");
        Console.WriteLine($"load average after: {LoadAverage()}");
        await Task.CompletedTask;
    }

    /// <summary>One phase in this process (called in the child): prints "seconds peak_kib".</summary>
    public static async Task PhaseAsync(string phase, string folder)
    {
        var claims = Path.Combine(folder, "claims.csv");
        if (phase == "reader")
        {
            var readerClock = Stopwatch.StartNew();
            ReadOnly(claims);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{readerClock.Elapsed.TotalSeconds} {PeakKib()}"));
            return;
        }
        var warehouse = Path.Combine(folder, $"bench-{phase}-{Environment.ProcessId}.duckdb");
        try
        {
            var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
            await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
            var service = await ImportService.CreateAsync(engine, CancellationToken.None);
            await service.ImportAsync(Path.Combine(folder, "facilities.csv"), new ImportOptions(ImportKinds.Facilities), null, CancellationToken.None);
            var key = Convert.ToHexStringLower(CardPseudonymizer.LoadOrCreateKey(engine));
            var clock = Stopwatch.StartNew();
            switch (phase)
            {
                case "import":
                    var result = await service.ImportAsync(claims, new ImportOptions(ImportKinds.Claims), null, CancellationToken.None);
                    if (result.IsRejected) throw new InvalidOperationException(result.Issues.FirstOrDefault()?.Message);
                    break;
                case "read_csv":
                    await ExecuteAsync(warehouse, $"CREATE TABLE raw_claim AS SELECT * FROM read_csv({Literal(claims)})");
                    break;
                default:
                    await ExecuteAsync(warehouse, SameShapeSql(claims, key));
                    break;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            await EnsureAllRowsAsync(warehouse, phase, claims);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds} {PeakKib()}"));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(folder, Path.GetFileName(warehouse) + "*")) File.Delete(file);
        }
    }

    /// <summary>
    /// Reference (b): the file into <c>dw.fct_claim</c>'s columns and types in one parallel statement. The card is a keyed
    /// sha256 (DuckDB has no HMAC; one hash of key + card is the same work per row), dates by strptime, money as DECIMAL(18,2),
    /// the facility key and the month key (month of discharge, else of admission) joined from the warehouse's dimensions.
    /// No claim_key or source_row: DuckDB's CSV reader gives no line numbers, and numbering rows (row_number() OVER ())
    /// serialises the load, which a skilled user would not do to get a surrogate key.
    /// </summary>
    private static string SameShapeSql(string claims, string key) => $"""
        CREATE TABLE bench_claim AS
        WITH c AS (
            SELECT MA_LK, MA_THE, MA_CSKCB, MATINH_CU_TRU, MA_LOAI_KCB, SO_NGAY_DTRI, MA_BENH, T_TONGCHI, T_BHTT, T_BNCCT, T_THUOC, T_VTYT,
                   strptime(NGAY_VAO, '%Y%m%d%H%M') AS admitted_at, strptime(NGAY_RA, '%Y%m%d%H%M') AS discharged_at
            FROM read_csv({Literal(claims)}, header = true,
                          types = {'{'}'MA_LK': 'VARCHAR', 'MA_THE': 'VARCHAR', 'MA_CSKCB': 'VARCHAR', 'MATINH_CU_TRU': 'VARCHAR', 'MA_LOAI_KCB': 'VARCHAR',
                                   'NGAY_VAO': 'VARCHAR', 'NGAY_RA': 'VARCHAR', 'SO_NGAY_DTRI': 'INTEGER', 'MA_BENH': 'VARCHAR',
                                   'T_TONGCHI': 'DECIMAL(18,2)', 'T_BHTT': 'DECIMAL(18,2)', 'T_BNCCT': 'DECIMAL(18,2)', 'T_THUOC': 'DECIMAL(18,2)',
                                   'T_VTYT': 'DECIMAL(18,2)'{'}'}))
        SELECT c.MA_LK AS claim_id, sha256({Literal(key)} || upper(trim(split_part(c.MA_THE, ';', 1)))) AS card_pseudonym,
               f.facility_key, c.MA_CSKCB AS facility_code, c.MATINH_CU_TRU AS residence_province,
               CASE lpad(trim(c.MA_LOAI_KCB), 2, '0') WHEN '01' THEN 'exam' WHEN '10' THEN 'exam' WHEN '03' THEN 'inpatient'
                    WHEN '04' THEN 'inpatient' WHEN '09' THEN 'inpatient' ELSE 'outpatient' END AS visit_type,
               c.MA_LOAI_KCB AS visit_type_code, c.admitted_at, c.discharged_at, p.period_key AS month_key,
               c.SO_NGAY_DTRI AS length_of_stay, c.MA_BENH AS primary_icd, c.T_TONGCHI AS total_cost, c.T_BHTT AS insurer_paid,
               c.T_BNCCT AS patient_paid, c.T_THUOC AS drug_cost, c.T_VTYT AS supplies_cost, CAST(1 AS BIGINT) AS submission_id,
               CAST(NULL AS INTEGER) AS sex, CAST(NULL AS VARCHAR) AS age_band
        FROM c
        JOIN dw.dim_facility f ON f.facility_code = c.MA_CSKCB
        JOIN dw.dim_period p ON p.kind = 'month' AND p.label = strftime(coalesce(c.discharged_at, c.admitted_at), '%Y-%m')
        """;

    // Outside the timing: every phase must have loaded every row of the file (a join that drops rows would flatter it).
    private static async Task EnsureAllRowsAsync(string warehouse, string phase, string claims)
    {
        var table = phase switch { "import" => "dw.fct_claim", "read_csv" => "raw_claim", _ => "bench_claim" };
        await using var connection = new DuckDBConnection($"Data Source={warehouse}");
        await connection.OpenAsync();
        var loaded = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
        var expected = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM read_csv({Literal(claims)})");
        if (loaded != expected) throw new InvalidOperationException($"{phase}: {loaded:N0} rows loaded of {expected:N0}");
    }

    private static async Task ExecuteAsync(string warehouse, string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={warehouse}");
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql, commandTimeout: 0);
    }

    // The import's first phase without a warehouse: split, validate, pseudonymise into reused batches.
    private static void ReadOnly(string claims)
    {
        var reader = new ClaimsCsvReader(new CardPseudonymizer(new byte[32]));
        var free = new System.Collections.Concurrent.ConcurrentBag<ClaimBatch>();
        long read = 0;
        foreach (var batch in reader.Read(claims, () => free.TryTake(out var b) ? b : new ClaimBatch()))
        {
            read += batch.Count;
            batch.Clear();
            free.Add(batch);
        }
        if (reader.ErrorCount > 0 || read == 0) throw new InvalidOperationException($"reader: {read} rows, {reader.ErrorCount} errors");
    }

    private static string Literal(string text) => $"'{text.Replace("'", "''")}'";

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

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>p50, p95, min and max of the values.</summary>
    private static string Percentiles(List<double> values, string format)
    {
        var sorted = values.Order().ToList();
        double P(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Max(0, Math.Ceiling(p * sorted.Count) - 1))];
        var inv = CultureInfo.InvariantCulture;
        return $"p50 {P(0.5).ToString(format, inv)}  p95 {P(0.95).ToString(format, inv)}  min {sorted[0].ToString(format, inv)}  max {sorted[^1].ToString(format, inv)}  (n={sorted.Count})";
    }

    private static void Print(string name, long rows, double megabytes, List<(double Seconds, long PeakKib)> runs)
    {
        var seconds = runs.Select(r => r.Seconds).Order().ToList();
        double P(double p) => seconds[(int)Math.Min(seconds.Count - 1, Math.Max(0, Math.Ceiling(p * seconds.Count) - 1))];
        var median = P(0.5);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"{name,-36} p50 {median,6:N1} s  p95 {P(0.95),6:N1} s  {rows / median,10:N0} rows/s  {megabytes / median,6:N1} MB/s  " +
            $"peak RSS {runs.Max(r => r.PeakKib) / 1024.0,6:N0} MiB"));
    }
}
