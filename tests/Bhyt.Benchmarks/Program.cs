using System.Globalization;
using System.Text;
using Bhyt.Benchmarks;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Querying;

// Benchmarks on the embedded engine.
// Usage: dotnet run -c Release --project tests/Bhyt.Benchmarks -- [csv-rows]            foundation + submissions
//        dotnet run -c Release --project tests/Bhyt.Benchmarks -- claims <dir> [runs]   claims ingest (dir from bhyt generate)
//        dotnet run -c Release --project tests/Bhyt.Benchmarks -- claimsxml [claims] [runs] [per-file]   claims XML envelopes: bare pass, reader, import
//        dotnet run -c Release --project tests/Bhyt.Benchmarks -- dashboard <warehouse.duckdb> [rounds] [users]   page query latency
//        dotnet run -c Release --project tests/Bhyt.Benchmarks -- ocr [pages]           scanned PDF read end to end (default 20 pages)
//        dotnet run -c Release --project tests/Bhyt.Benchmarks -- pdf [pages]                 text PDF reading (default 100 pages)
//        dotnet run -c Release --project tests/Bhyt.Benchmarks -- facilityscan [warehouse.duckdb]   facility-month scan, 13,000 × 36
//        dotnet run -c Release --project tests/Bhyt.Benchmarks -- progress <dir> [runs]   claims import with and without progress lines
//        dotnet run -c Release --project tests/Bhyt.Benchmarks -- concurrency [claims] [idle-loads] [keep-dir]   dashboard pages while claims load through its inbox
if (args is ["concurrency", ..])
{
    await ConcurrencyBenchmark.RunAsync(args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40, args.Length > 3 ? Path.GetFullPath(args[3]) : null);
    return;
}
if (args is ["pdf", ..]) { PdfBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100); return; }
if (args is ["claims", var claimsFolder, ..]) { await ClaimsBenchmark.RunAsync(Path.GetFullPath(claimsFolder), args.Length > 2 ? int.Parse(args[2]) : 3); return; }
if (args is ["dashboard", var warehouse, ..])
{
    await DashboardBenchmark.RunAsync(Path.GetFullPath(warehouse), args.Length > 2 ? int.Parse(args[2]) : 3, args.Length > 3 ? int.Parse(args[3]) : 4);
    return;
}
if (args is ["claimrules", ..]) { await ClaimRulesBenchmark.RunAsync(args[1..]); return; }
if (args is ["facilityscan", ..]) { await FacilityScanBenchmark.RunAsync(args.Length > 1 ? Path.GetFullPath(args[1]) : null); return; }
if (args is ["ocr", ..]) { Bhyt.Benchmarks.OcrBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 20); return; }
if (args is ["progress", var progressFolder, ..]) { ProgressBenchmark.Run(Path.GetFullPath(progressFolder), args.Length > 2 ? int.Parse(args[2]) : 3); return; }
if (args is ["progress-phase", var variant, var variantFolder]) { await ProgressBenchmark.PhaseAsync(variant, variantFolder); return; }
if (args is ["claims-phase", var phase, var phaseFolder]) { await ClaimsBenchmark.PhaseAsync(phase, phaseFolder); return; }
if (args is ["claimsxml", ..])
{
    ClaimsXmlBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 200_000, args.Length > 2 ? int.Parse(args[2]) : 3, args.Length > 3 ? int.Parse(args[3]) : 10_000);
    return;
}
if (args is ["claimsxml-phase", var xmlPhase, var xmlFolder]) { await ClaimsXmlBenchmark.PhaseAsync(xmlPhase, xmlFolder); return; }
var csvRows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var folder = Directory.CreateTempSubdirectory("bhyt-bench-").FullName;
try
{
    Console.WriteLine($"BhytAnalytics benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, DuckDB embedded, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

    var init = new Measurement("init (fresh warehouse, 27,993 ref rows)", 27_993);
    await init.RunAsync(5, async i => await new WarehouseInitializer(Engine($"fresh{i}.duckdb")).InitAsync(CancellationToken.None));
    init.Print();

    var engine = Engine("bench.duckdb");
    var again = new Measurement("init (already up to date)", 0);
    await again.RunAsync(10, async _ => await new WarehouseInitializer(engine).InitAsync(CancellationToken.None));
    again.Print();

    var files = Enumerable.Range(0, 3).Select(i => WriteSubmissionCsv(Path.Combine(folder, $"sub{i}.csv"), csvRows, seed: i)).ToList();
    var import = new Measurement($"import submission CSV ({csvRows:N0} rows)", csvRows);
    await import.RunAsync(files.Count, async i =>
    {
        var path = files[i];
        var service = await ImportService.CreateAsync(engine, CancellationToken.None);
        var result = await service.ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
        if (result.IsRejected) throw new InvalidOperationException(result.Issues.First().Message);
    });
    import.Print();

    var runner = new ReadOnlyQueryRunner(engine);
    var query = new Measurement("bhyt sql: guard + trend query", 0);
    await query.RunAsync(30, async _ => await runner.RunAsync("""
        WITH t AS (SELECT unit_code, indicator_code, period_label, value FROM rpt.indicator_values WHERE indicator_code = 'cov_participants')
        SELECT unit_code, count(*) n, max(value) - min(value) growth FROM t GROUP BY ALL ORDER BY growth DESC LIMIT 20
        """, QueryLimits.Default, CancellationToken.None));
    query.Print();
}
finally
{
    Directory.Delete(folder, recursive: true);
}

IWarehouseEngine Engine(string file) => WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(folder, file)));


static string WriteSubmissionCsv(string path, int rows, int seed)
{
    var random = new Random(seed);
    var units = Bhyt.Warehouse.Reference.AdminUnitReference.BundledUnits()
        .Where(u => u.Level == "commune" && u.BoundarySet == "pre2025").Select(u => u.UnitCode).ToArray();
    string[] indicators = ["cov_participants", "cov_uninsured", "kcb_visits", "kcb_inpatient", "spend_kcb"];
    var vi = CultureInfo.GetCultureInfo("vi-VN");
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
    writer.WriteLine("unit_code,unit_name,period,indicator,value,value_kind");
    for (var i = 0; i < rows; i++)
    {
        var unit = units[(i / 60) % units.Length];
        var month = 1 + i / (60 * units.Length) % 12 + (i % 12);
        var period = $"{2015 + (i / 12) % 10}-{(month - 1) % 12 + 1:00}";
        writer.WriteLine($"{unit},,{period},{indicators[i % indicators.Length]},\"{random.Next(1, 900_000).ToString("N0", vi)}\",actual");
    }
    return path;
}
