using System.Diagnostics;

namespace Bhyt.Tests.Etl.CrashSafety;

/// <summary>
/// Starts <c>bhyt</c> (or the dashboard) as a child process and kills it with SIGKILL after a random delay. The
/// randomness is seeded — <c>BHYT_KILL_SEED</c> replays a run — and every kill is written to the test output with its seed.
/// </summary>
public sealed class KillSwitch
{
    private readonly Random _random;

    public KillSwitch(string name)
    {
        Seed = int.TryParse(Environment.GetEnvironmentVariable("BHYT_KILL_SEED"), out var seed) ? seed : Random.Shared.Next();
        _random = new Random(Seed);
        Log($"{name}: seed {Seed} (BHYT_KILL_SEED={Seed} replays these kill points)");
    }

    public int Seed { get; }

    /// <summary>Kills that hit a running process.</summary>
    public int Kills { get; private set; }

    /// <summary>Children that had finished before their kill came.</summary>
    public int Finished { get; private set; }

    public static string BhytDll => Path.Combine(AppContext.BaseDirectory, "bhyt.dll");

    public TimeSpan Between(TimeSpan from, TimeSpan to) => from + (to - from) * _random.NextDouble();

    public int Next(int upTo) => _random.Next(upTo);

    /// <summary>Starts the child, waits <paramref name="delay"/>, and kills it if still running; true when it was killed.</summary>
    public async Task<bool> KillAfterAsync(ProcessStartInfo start, TimeSpan delay, string what, CancellationToken ct)
    {
        using var child = Start(start);
        var exited = child.WaitForExitAsync(ct);
        if (await Task.WhenAny(exited, Task.Delay(delay, ct)) != exited)
        {
            child.Kill(entireProcessTree: false); // SIGKILL on Unix: no handler, no flush, no finally
            await child.WaitForExitAsync(CancellationToken.None);
            Kills++;
            Log($"  SIGKILL {what} after {delay.TotalMilliseconds:0} ms");
            return true;
        }
        Finished++;
        Log($"  {what} finished (exit {child.ExitCode}) before its kill at {delay.TotalMilliseconds:0} ms");
        return false;
    }

    /// <summary>A child with its output drained (so a full pipe never blocks it) and kept for messages.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static ProcessStartInfo Bhyt(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(BhytDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["BHYT_LOCK_WAIT_SECONDS"] = "60";
        return start;
    }

    public static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
