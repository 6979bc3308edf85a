using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Bhyt.Dashboard.Tests.Support;

namespace Bhyt.Dashboard.Tests.EndToEnd;

/// <summary>
/// A real dashboard process on a free port over a fresh embedded warehouse in a temp folder, started the way
/// README's run command starts it (first start: creates the warehouse, the administrator and the sample data).
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "e2e-mat-khau-1";

    private Process? _process;
    private readonly List<string> _output = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("bhyt-e2e-").FullName;
    public string BaseUrl { get; private set; } = "";
    public string Inbox => Path.Combine(Folder, "inbox");
    public string UsersFile => Path.Combine(Folder, "users.json");
    public TimeSpan StartTime { get; private set; }

    /// <summary>Environment variables set on top of the defaults below (e.g. <c>BHYT_Sample__Enabled=false</c>, <c>BHYT_Auth__…</c>).</summary>
    public Dictionary<string, string> Environment { get; init; } = [];

    public string Output { get { lock (_output) return string.Join('\n', _output); } }

    public async ValueTask InitializeAsync()
    {
        // BHYT_E2E_URL points the suite at a dashboard already running (for debugging a page); otherwise start one.
        if (System.Environment.GetEnvironmentVariable("BHYT_E2E_URL") is { Length: > 0 } running)
        {
            BaseUrl = running.TrimEnd('/');
            return;
        }
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var dll = Path.Combine(RepositoryRoot.Path, "dashboard", "bin", RepositoryRoot.Configuration, "net10.0", "Bhyt.Dashboard.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl])
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "dashboard"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["BHYT_WAREHOUSE"] = Path.Combine(Folder, "bhyt.duckdb");
        start.Environment["BHYT_ADMIN_USER"] = AdminUser;
        start.Environment["BHYT_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["BHYT_Auth__UsersFile"] = UsersFile;
        start.Environment["BHYT_Scheduler__Inbox"] = Inbox;
        start.Environment["BHYT_Sample__Claims"] = "30000";
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The dashboard exited with {_process.ExitCode}:\n{Output}");
            try
            {
                var response = await http.GetAsync(BaseUrl + "/dang-nhap");
                if (response.IsSuccessStatusCode && SampleDataReady) { StartTime = clock.Elapsed; return; }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The dashboard did not become ready within 180 s:\n{Output}");
    }

    /// <summary>True once the first start's sample data is loaded (the host prints it).</summary>
    private bool SampleDataReady => Output.Contains("Dữ liệu mẫu đã nạp", StringComparison.Ordinal) || Output.Contains("Không nạp dữ liệu mẫu", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
