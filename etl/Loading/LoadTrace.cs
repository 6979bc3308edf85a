namespace Bhyt.Etl.Loading;

internal static class LoadTrace
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private static double _last;
    private static readonly bool On = Environment.GetEnvironmentVariable("BHYT_LOAD_TRACE") == "1";

    public static void Mark(string what)
    {
        if (!On) return;
        var now = Clock.Elapsed.TotalSeconds;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Console.Error.WriteLine($"TRACE {what,-28} {DateTime.Now:HH:mm:ss.fff} +{now - _last,7:F2}s  at {now,7:F2}s cpu {cpu,7:F2}");
        _last = now;
    }
}
