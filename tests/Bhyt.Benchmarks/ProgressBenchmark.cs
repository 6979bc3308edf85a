using System.Diagnostics;
using System.Globalization;
using Bhyt.Etl.Import;
using Bhyt.Etl.Import.Progress;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Benchmarks;

/// <summary>
/// What showing progress costs the claims import: the same <c>claims.csv</c> (from <c>bhyt generate</c>) imported with no
/// progress listener and with the plain lines <c>bhyt import</c> writes when standard error is a log (the meter counts
/// every buffer and batch either way it is on). Runs alternate, each in a child process on a fresh warehouse, so machine
/// noise falls on both alike; the ratio of the medians is the figure.
/// </summary>
public static class ProgressBenchmark
{
    private static readonly string[] Variants = ["none", "lines"];

    public static void Run(string folder, int runs)
    {
        var claims = Path.Combine(folder, "claims.csv");
        var rows = File.ReadLines(claims).LongCount() - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"progress cost: {rows:N0} claims, {new FileInfo(claims).Length / 1048576.0:N0} MB; {runs} alternating pairs (median)"));
        var times = Variants.ToDictionary(v => v, _ => new List<(double Wall, double Cpu)>());
        for (var run = 0; run < runs; run++)
            foreach (var variant in run % 2 == 0 ? Variants : Variants.Reverse())
                times[variant].Add(Child(variant, folder));
        foreach (var (variant, list) in times)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {variant,-6} wall median {Median(list.Select(t => t.Wall)),7:N2} s ({rows / Median(list.Select(t => t.Wall)),8:N0} claims/s), " +
                $"CPU median {Median(list.Select(t => t.Cpu)),7:N2} s; runs (wall/CPU s): {string.Join(", ", list.Select(t => $"{t.Wall:N1}/{t.Cpu:N1}"))}"));
        // On a shared machine other processes slow runs by far more than progress could: each run is compared with the
        // other variant's run next to it, and the CPU the import itself burnt is compared too (less disturbed than wall time).
        var pairs = times["none"].Zip(times["lines"]).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio with progress / without (throughput): wall, median of pairs {Median(pairs.Select(p => p.First.Wall / p.Second.Wall)):N3}; " +
            $"CPU, median of pairs {Median(pairs.Select(p => p.First.Cpu / p.Second.Cpu)):N3}; fastest runs {times["none"].Min(t => t.Wall) / times["lines"].Min(t => t.Wall):N3}"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One import in this process (called in the child): prints the seconds of the claims file.</summary>
    public static async Task PhaseAsync(string variant, string folder)
    {
        var warehouse = Path.Combine(folder, $"bench-progress-{Environment.ProcessId}.duckdb");
        try
        {
            var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
            await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
            var service = await ImportService.CreateAsync(engine, CancellationToken.None);
            await service.ImportAsync(Path.Combine(folder, "facilities.csv"), new ImportOptions(ImportKinds.Facilities), null, CancellationToken.None);
            IProgress<LoadProgress>? progress = variant == "lines" ? new ProgressLines(Console.Error.WriteLine) : null;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = await service.ImportAsync(Path.Combine(folder, "claims.csv"), new ImportOptions(ImportKinds.Claims), progress, CancellationToken.None);
            if (result.IsRejected) throw new InvalidOperationException(result.Issues.FirstOrDefault()?.Message);
            var burnt = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds} {burnt.TotalSeconds}"));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(folder, Path.GetFileName(warehouse) + "*")) File.Delete(file);
        }
    }

    private static (double Wall, double Cpu) Child(string variant, string folder)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") info.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        foreach (var argument in new[] { "progress-phase", variant, folder }) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        process.WaitForExit();
        var lines = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0) throw new InvalidOperationException($"progress {variant} failed: {output}\n{errors.Result}");
        if (variant == "lines") Console.WriteLine($"    ({lines.Length} progress lines; last: {lines.LastOrDefault()})");
        var figures = output.Split(' ');
        return (double.Parse(figures[0], CultureInfo.InvariantCulture), double.Parse(figures[1], CultureInfo.InvariantCulture));
    }
}
