using System.Diagnostics;
using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.CrashSafety;

/// <summary>How the kill tests start a scheduler over an inbox: <c>bhyt schedule</c>, or the dashboard host with its in-process scheduler.</summary>
public static class SchedulerChild
{
    /// <summary>Passes every second, files taken at once: the tests need not wait for the production 15 s.</summary>
    private static void Fast(ProcessStartInfo start, InboxOptions inbox)
    {
        start.Environment["BHYT_Scheduler__Inbox"] = inbox.Inbox;
        start.Environment["BHYT_Scheduler__IntervalSeconds"] = "1";
        start.Environment["BHYT_Scheduler__SettleSeconds"] = "0";
        start.Environment["BHYT_LOCK_WAIT_SECONDS"] = "60";
    }

    public static ProcessStartInfo Cli(string warehouse, InboxOptions inbox)
    {
        var start = KillSwitch.Bhyt("schedule", "--inbox", inbox.Inbox, "--warehouse", warehouse);
        Fast(start, inbox);
        return start;
    }

    public static ProcessStartInfo Dashboard(string warehouse, InboxOptions inbox)
    {
        var dll = DashboardDll;
        Assert.True(File.Exists(dll), $"the dashboard is not built: {dll} (build the solution first)");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        Fast(start, inbox);
        start.Environment["BHYT_WAREHOUSE"] = warehouse;
        start.Environment["BHYT_ADMIN_PASSWORD"] = "matkhau-thu-nghiem";
        start.Environment["BHYT_Sample__Enabled"] = "false";
        start.Environment["BHYT_Scheduler__Enabled"] = "true";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    /// <summary>The dashboard built beside the tests (same configuration), which the test project builds first.</summary>
    private static string DashboardDll
    {
        get
        {
            var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))); // bin/<Configuration>/net10.0/
            return Path.Combine(RepositoryRoot.Directory, "dashboard", "bin", configuration ?? "Release", "net10.0", "Bhyt.Dashboard.dll");
        }
    }

    /// <summary>Stops a scheduler as a service manager would (SIGTERM: passes finish, claimed files go back); kills it if it has not stopped in a minute.</summary>
    public static async Task StopAsync(Process process)
    {
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()])) await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(); await process.WaitForExitAsync(); }
    }

    /// <summary>Waits until no dropped file is left in the inbox or in processing.</summary>
    public static async Task<InboxCensus> WaitSettledAsync(InboxOptions inbox, IReadOnlyCollection<string> dropped, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var census = InboxCensus.Take(inbox);
            var settled = census.CountIn("archive") + census.CountIn("quarantine") == dropped.Count;
            if (settled || DateTime.UtcNow > deadline) return census;
            await Task.Delay(250, ct);
        }
    }
}
