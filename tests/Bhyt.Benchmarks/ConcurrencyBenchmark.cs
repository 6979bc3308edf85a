using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bhyt.Etl.Generation;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Microsoft.Playwright;

namespace Bhyt.Benchmarks;

/// <summary>
/// Issue 19 item 9: the dashboard's page latency while a large claims file loads through its own inbox. A national data
/// set is generated (<c>claims</c> claims, 10 million by default); facilities, submissions and fund figures are loaded
/// first so the pages have content. The dashboard runs as a child process (as users run it) with its in-process
/// scheduler; a real browser (Debian chromium through Playwright) signs in and loads the pages in turn, each timed from
/// navigation to the page being interactive with its figures drawn. Phases: idle, then with claims.csv dropped into the
/// inbox: while it imports (until it reaches archive/), then while the scheduler detects anomalies and evaluates alerts.
/// Prints p50/p95/max per phase, the p95 ratio to idle (target ≤ 2×), the import's claims/s and the host's peak RSS.
/// </summary>
public static class ConcurrencyBenchmark
{
    private const string Password = "matkhau-do-tai-dong-thoi";
    private const double TargetRatio = 2.0;

    private static readonly string[] Pages =
    [
        "/?unit=VN", "/bao-phu?unit=68&set=pre2025", "/kham-chua-benh?unit=VN", "/quy-bhyt?unit=VN", "/bao-cao-nop?unit=68&set=pre2025",
        "/bat-thuong?unit=VN", "/bao-phu?unit=672&set=pre2025", "/kham-chua-benh?unit=01&set=pre2025",
    ];

    public static async Task RunAsync(long claims, int idleLoads, string? keep)
    {
        var folder = keep ?? Directory.CreateTempSubdirectory("bhyt-concurrency-").FullName;
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "generated");
        var warehouse = Path.Combine(folder, "bhyt.duckdb");
        var inbox = Path.Combine(folder, "inbox");
        Directory.CreateDirectory(inbox);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BhytAnalytics dashboard under load — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {claims:N0} claims"));

        if (!File.Exists(Path.Combine(data, "claims.csv")))
        {
            var clock = Stopwatch.StartNew();
            SyntheticDataGenerator.Run(new GenerationOptions(data, "national", 2009, 2024, claims, 11), TextWriter.Null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated in {clock.Elapsed.TotalSeconds:N1} s"));
        }
        if (!File.Exists(warehouse))
        {
            var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
            await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
            var import = await ImportService.CreateAsync(engine, CancellationToken.None);
            foreach (var file in ImportService.ExpandPaths([data]).Where(f => Path.GetFileName(f) != "claims.csv"))
                await import.ImportAsync(file, new ImportOptions(), null, CancellationToken.None);
        }

        using var host = StartDashboard(folder, warehouse, inbox);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "vi-VN" });
        await host.WaitReadyAsync();
        await page.GotoAsync(host.BaseUrl + "/dang-nhap");
        await page.FillAsync("input[name=userName]", "admin");
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("dang-nhap"));
        foreach (var path in Pages) await LoadAsync(page, host.BaseUrl + path);   // warm: first touch of each page

        var idle = new List<double>();
        var byPage = Pages.ToDictionary(p => p, _ => new List<double>());
        for (var i = 0; i < idleLoads; i++)
        {
            var ms = await LoadAsync(page, host.BaseUrl + Pages[i % Pages.Length]);
            idle.Add(ms);
            byPage[Pages[i % Pages.Length]].Add(ms);
        }

        // Dropped as the inbox expects: written beside it, then renamed in, so the scheduler never sees half a file.
        var staged = Path.Combine(folder, "claims.csv.part");
        File.Copy(Path.Combine(data, "claims.csv"), staged, overwrite: true);
        File.Move(staged, Path.Combine(inbox, "claims.csv"));
        var dropped = Stopwatch.StartNew();
        var importing = new List<double>();
        var detecting = new List<double>();
        var archive = Path.Combine(folder, "archive");
        var quarantine = Path.Combine(folder, "quarantine");
        TimeSpan? pickedUp = null, archived = null;
        for (var i = 0; ; i++)
        {
            var inInbox = File.Exists(Path.Combine(inbox, "claims.csv"));
            var landed = Landed(archive) || Landed(quarantine);
            if (!inInbox && pickedUp is null) pickedUp = dropped.Elapsed;
            if (landed && archived is null) archived = dropped.Elapsed;
            if (archived is not null && (host.Output.Contains("Alerts after detection") || host.Output.Contains("Alert evaluation after detection failed"))) break;
            if (dropped.Elapsed > TimeSpan.FromHours(1)) throw new TimeoutException("the claims file was not loaded within an hour");
            var ms = await LoadAsync(page, host.BaseUrl + Pages[i % Pages.Length]);
            (archived is null ? importing : detecting).Add(ms);
        }
        var done = dropped.Elapsed;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import through the inbox: left the inbox after {pickedUp?.TotalSeconds:N1} s, archived after {archived?.TotalSeconds:N1} s " +
            $"({claims / (archived ?? done).TotalSeconds:N0} claims/s from the drop), detection and alerts done after {done.TotalSeconds:N1} s"));
        Console.WriteLine($"page load in a browser (navigation → interactive, figures drawn), {Pages.Length} pages in turn:");
        Print("idle", idle, null);
        foreach (var (path, times) in byPage) Print("  " + path, times, null);
        Print("queued + importing", importing, idle);
        Print("detecting + alerts", detecting, idle);
        var ratio = P(importing.Concat(detecting).Order().ToList(), 0.95) / P(idle.Order().ToList(), 0.95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p95 under load / idle = {ratio:N2}× — target ≤ {TargetRatio}×: {(ratio <= TargetRatio ? "met" : "NOT met")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard host: peak RSS {host.PeakRssMiB():N0} MiB"));
        if (keep is null) Directory.Delete(folder, recursive: true);
    }

    private static bool Landed(string folder) => Directory.Exists(folder) && Directory.GetFiles(folder, "*claims.csv*").Length > 0;

    private static async Task<double> LoadAsync(IPage page, string url)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url);
        await page.Locator("header.top[data-interactive]").WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("p.loading").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 120_000 });
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double P(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static void Print(string phase, List<double> times, List<double>? idle)
    {
        var sorted = times.Order().ToList();
        var ratio = idle is null || sorted.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"  p95/idle={P(sorted, 0.95) / P(idle.Order().ToList(), 0.95),5:N2}×");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {phase,-36} n={sorted.Count,4}  p50={P(sorted, 0.5),8:N0} ms  p95={P(sorted, 0.95),8:N0} ms  max={(sorted.Count == 0 ? double.NaN : sorted[^1]),8:N0} ms{ratio}"));
    }

    private static DashboardHost StartDashboard(string folder, string warehouse, string inbox)
    {
        // The dashboard as built (its own folder holds wwwroot and the static assets' manifest), run as users run it.
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "dashboard", "bin", "Release", "net10.0", "Bhyt.Dashboard.dll");
        var port = 5400 + Random.Shared.Next(500);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.Combine(root, "dashboard"), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["BHYT_WAREHOUSE"] = warehouse;
        start.Environment["BHYT_ADMIN_PASSWORD"] = Password;
        start.Environment["BHYT_Auth__UsersFile"] = Path.Combine(folder, "users.json");
        start.Environment["BHYT_Sample__Enabled"] = "false";
        start.Environment["BHYT_Scheduler__Inbox"] = inbox;
        return new DashboardHost(Process.Start(start)!, $"http://127.0.0.1:{port}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BhytAnalytics.sln"))) return dir.FullName;
        throw new InvalidOperationException("BhytAnalytics.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class DashboardHost : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public DashboardHost(Process process, string baseUrl)
        {
            (_process, BaseUrl) = (process, baseUrl);
            process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string BaseUrl { get; }

        public string Output { get { lock (_output) return _output.ToString(); } }

        public async Task WaitReadyAsync()
        {
            using var http = new HttpClient();
            for (var i = 0; i < 600; i++)
            {
                if (_process.HasExited) throw new InvalidOperationException("the dashboard stopped:\n" + Output);
                try
                {
                    if ((await http.GetAsync(BaseUrl + "/dang-nhap")).IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                await Task.Delay(250);
            }
            throw new TimeoutException("the dashboard did not start:\n" + Output);
        }

        public double PeakRssMiB()
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
