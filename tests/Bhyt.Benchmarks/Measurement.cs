using System.Diagnostics;
using System.Globalization;

namespace Bhyt.Benchmarks;

/// <summary>Timings of repeated runs of one operation, printed with percentiles, throughput and memory.</summary>
public sealed class Measurement(string name, long rowsPerRun)
{
    private readonly List<double> _milliseconds = [];

    public async Task RunAsync(int iterations, Func<int, Task> operation)
    {
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await operation(i);
            _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    public void Print()
    {
        var sorted = _milliseconds.Order().ToList();
        double P(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        var inv = CultureInfo.InvariantCulture;
        var rowsPerSecond = rowsPerRun > 0 ? (rowsPerRun / (sorted.Average() / 1000)).ToString("N0", inv) : "-";
        Console.WriteLine(string.Create(inv,
            $"{name,-34} n={sorted.Count,3}  p50={P(0.5),9:N1} ms  p95={P(0.95),9:N1} ms  max={sorted[^1],9:N1} ms  rows/s={rowsPerSecond,12}  " +
            $"peak_ws={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,7:N0} MiB  alloc={GC.GetTotalAllocatedBytes() / 1048576.0,8:N0} MiB"));
    }
}
