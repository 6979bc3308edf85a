using System.Diagnostics;
using System.Text.Json;
using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Import.Corpus;

namespace Bhyt.Tests.Etl.Cli;

/// <summary>
/// A sample of the malformed-input corpus through <c>bhyt import</c> in its own process, as a script or the CI runs it:
/// every file gets its line (JSON for those read, an error naming the file and the rule for those refused), the exit code
/// says a path was unusable, and nothing ends in an unhandled exception.
/// </summary>
public sealed class ImportCorpusProcessTests(CorpusWarehouseFixture template) : IClassFixture<CorpusWarehouseFixture>
{
    private static readonly string[] Sample =
    [
        "sub_utf16le_bom.csv", "sub_ragged_long.csv", "sub_duplicate_header.csv", "sub_huge_field.csv", "claims_quoted_newline.csv",
        "claims_huge_line.csv", "xml_deeply_nested.xml", "xml_zip_bomb.zip", "rep_deeply_nested.docx", "rep_encrypted.xlsx",
        "rep_formulas_uncached.xlsx", "rep_zero_bytes.docx",
    ];

    [Fact]
    public async Task Import_corpus_sample_in_a_child_process_reports_every_file_and_exits_2()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = template.Copy();
        var files = Sample.Select(MalformedCorpus.Named).ToList();
        var paths = files.Select(f => f.WriteInto(warehouse.Directory)).ToList();

        var (exit, output, error) = await RunBhytAsync(ct, ["import", .. paths, "--json", "--warehouse", warehouse.Path]);

        Assert.True(exit == ExitCodes.Usage, $"exit {exit}\n{output}\n{error}");
        Assert.DoesNotContain("Unhandled exception", error);
        var statuses = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("file").GetString()!, r => r.GetProperty("status").GetString());
        foreach (var file in files)
        {
            if (file.Outcome == Outcome.Refused)
                Assert.Contains($"bhyt: {file.Name}: ", error);
            else
                Assert.Equal(file.Outcome.ToString().ToLowerInvariant(), statuses.GetValueOrDefault(file.Name));
            if (file.Rule is not null) Assert.Contains(file.Rule, file.Outcome == Outcome.Refused ? error : output);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunBhytAsync(CancellationToken ct, string[] args)
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
