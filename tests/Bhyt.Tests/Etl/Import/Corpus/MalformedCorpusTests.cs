using System.Text.RegularExpressions;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Import.Corpus;

/// <summary>
/// Every corpus file through the real <see cref="ImportService"/>: refused (naming the file and the rule), rejected
/// whole (errors naming row/cell and column, the warehouse untouched), loaded (exactly the rows it should, problems as
/// located warnings) or empty (a note saying why) — never another exception, a partial load or a silent drop.
/// </summary>
public sealed partial class MalformedCorpusTests(CorpusWarehouseFixture template) : IClassFixture<CorpusWarehouseFixture>
{
    [Fact]
    public void All_holds_sixty_files_or_more_across_every_input_kind()
    {
        Assert.True(MalformedCorpus.All.Count >= 60, $"{MalformedCorpus.All.Count} files");
        Assert.Equal(MalformedCorpus.All.Count, MalformedCorpus.All.Select(c => c.Name).Distinct().Count());
        Assert.All([SubmissionCsvCorpus.Cases, ClaimsCsvCorpus.Cases, ClaimsXmlCorpus.Cases, ReportDocumentCorpus.Cases], kind => Assert.True(kind.Count() >= 10));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task ImportAsync_malformed_file_is_refused_rejected_or_loaded_exactly_as_stated(string name)
    {
        var file = MalformedCorpus.Named(name);
        await using var warehouse = template.Copy();
        var path = file.WriteInto(warehouse.Directory);
        var before = await WarehouseCounts.OfAsync(warehouse.Engine);

        var (result, refusal) = await ImportAsync(warehouse, path);

        var after = await WarehouseCounts.OfAsync(warehouse.Engine);
        var said = refusal?.Message ?? Describe(result!);
        if (file.Outcome == Outcome.Refused)
        {
            Assert.True(refusal is not null, $"{file.Shape}: expected a refusal, got {said}");
            Assert.StartsWith($"{name}: ", refusal.Message);
            Assert.Matches(RuleAtEnd(), refusal.Message);
            if (file.Rule is not null) Assert.EndsWith($"[{file.Rule}]", refusal.Message);
            Assert.Equal(before, after);
            return;
        }
        Assert.True(refusal is null, $"{file.Shape}: expected {file.Outcome}, refused: {said}");
        var stored = await warehouse.Engine.QueryAsync<(string FileName, string Status, long Loaded)>(
            "SELECT file_name, status, rows_loaded FROM rpt.submissions WHERE submission_id = @id", new { id = result!.Submission.SubmissionId });
        Assert.Equal((name, result.Submission.Status, (long)result.Submission.RowsLoaded), stored.Single());
        Assert.All(result.Issues, i => Assert.Matches(NamedPlace(), i.Location));
        switch (file.Outcome)
        {
            case Outcome.Rejected:
                Assert.True(result.IsRejected, $"{file.Shape}: expected rejected, got {said}");
                Assert.Contains(result.Issues, i => i.IsError);
                if (file.Rule is not null) Assert.True(result.Issues.Any(i => i.IsError && i.Rule == file.Rule), $"no {file.Rule}: {said}");
                if (file.Location is not null) Assert.True(result.Issues.Any(i => i.IsError && i.Location.StartsWith(file.Location, StringComparison.Ordinal)
                    && (file.Rule is null || i.Rule == file.Rule)), $"no error at {file.Location}: {said}");
                Assert.Equal(0, result.Submission.RowsLoaded);
                Assert.Equal(before, after);
                break;
            case Outcome.Empty:
                Assert.True(result.IsEmpty, $"{file.Shape}: expected empty, got {said}");
                Assert.Equal(before, after);
                break;
            case Outcome.Loaded:
                Assert.True(result.Submission.Status == "loaded", $"{file.Shape}: expected loaded, got {said}");
                Assert.Equal(file.Loaded, result.Submission.RowsLoaded);
                Assert.Equal(file.Loaded, await FactsOfAsync(warehouse, result));
                if (file.Rule is not null) Assert.True(result.Issues.Any(i => !i.IsError && i.Rule == file.Rule
                    && i.Location.StartsWith(file.Location ?? "", StringComparison.Ordinal)), $"no {file.Rule} warning at {file.Location}: {said}");
                break;
        }
    }

    private static async Task<(ImportResult? Result, UnusableInputException? Refusal)> ImportAsync(TempWarehouse warehouse, string path)
    {
        var service = await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None);
        try
        {
            return (await service.ImportAsync(path, new ImportOptions(), null, CancellationToken.None), null);
        }
        catch (UnusableInputException refusal)
        {
            return (null, refusal);
        }
    }

    /// <summary>The rows stored under the file's submission: claims for a claims file, figures for the others.</summary>
    private static async Task<int> FactsOfAsync(TempWarehouse warehouse, ImportResult result) =>
        (int)(await warehouse.Engine.QueryAsync<long>(result.Submission.Kind == ImportKinds.Claims
            ? "SELECT count(*) FROM dw.fct_claim WHERE submission_id = @id"
            : "SELECT count(*) FROM dw.fct_indicator_value WHERE submission_id = @id", new { id = result.Submission.SubmissionId })).Single();

    internal static string Describe(ImportResult result) =>
        $"{result.SummaryLine} note={result.Note}\n" + string.Join("\n", result.Issues.Take(10).Select(i => $"  {i.Severity} {i.Location}: {i.Message} [{i.Rule}]"));

    public static TheoryData<string> Names => MalformedCorpus.Names;

    [GeneratedRegex(@"\[[a-z_]+\.[a-z_.]+\]$")]
    private static partial Regex RuleAtEnd();

    /// <summary>Where a problem is: a row, cell or column, a HOSO of an XML file, a page or table, or the whole file.</summary>
    [GeneratedRegex(@"dòng \d+|ô [A-Z]+\d+|cột |HOSO \d+|trang |bảng |toàn tệp|tệp |GIAMDINHHS")]
    internal static partial Regex NamedPlace();
}
