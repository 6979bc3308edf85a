using System.Diagnostics;
using System.Text.Json;
using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Import.Progress;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Cli;

/// <summary>
/// <c>bhyt</c> as a log or a CI job runs it, in its own process with standard error redirected: progress comes as plain
/// lines on standard error (no bar, no terminal escapes) and standard output keeps only the JSON.
/// </summary>
public sealed class ImportProgressProcessTests(GeneratedClaimsFixture generated) : IClassFixture<GeneratedClaimsFixture>
{
    [Fact]
    public async Task Import_with_stderr_redirected_writes_plain_progress_lines_and_keeps_stdout_for_the_json()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var (exit, output, error) = await RunBhytAsync(ct, "import", generated.FacilitiesFile, generated.ClaimsFile, "--json", "--warehouse", warehouse.Path);

        Assert.True(exit == ExitCodes.Ok, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(["loaded", "loaded"], JsonDocument.Parse(output).RootElement.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.DoesNotContain('\u001b', error);
        var lines = error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var reading = lines.Select(l => ProgressLineParts.Reading("claims.csv", l)).OfType<ProgressLineParts>().ToList();
        Assert.True(reading.Count >= 2, error);
        Assert.Equal(100, reading[^1].Percent);
        Assert.Equal(generated.ClaimRows, reading[^1].Rows);
        Assert.Contains(lines, l => l.StartsWith("claims.csv: xong · ", StringComparison.Ordinal));
    }

    private static async Task<(int Exit, string Output, string Error)> RunBhytAsync(CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bhyt.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }
}
