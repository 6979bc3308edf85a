using Bhyt.Etl.Cli;
using Bhyt.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bhyt.Tests.Etl.Cli;

/// <summary><c>bhyt report annex</c> as the issue's "done when" runs it, then imported back with <c>bhyt import</c>; bad usage exits 2.</summary>
[Collection("Console")]
public class ReportCommandTests
{
    [Fact]
    public async Task ReportAnnex_daLatSample_writesSixValidFormsThatImportBackIntoAFreshWarehouse()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var sample = Path.Combine(RepositoryRoot.Directory, "dashboard", "SampleData", "Data", "seed_001_figures.csv");
        await CliRun.RunAsync("import", sample, "--warehouse", warehouse.Path);
        var annex = Path.Combine(warehouse.Directory, "dalat.docx");

        var run = await CliRun.RunAsync("report", "annex", "--unit", "672", "--periods", "2009-2014,2015-2019,2020-2024", "--out", annex, "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("6 bảng, 80 số liệu", run.Out);
        using (var document = WordprocessingDocument.Open(annex, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            Assert.Equal(6, document.MainDocumentPart!.Document!.Body!.Elements<Table>().Count());
        }
        await using var fresh = await TempWarehouse.InitialisedAsync();
        var import = await CliRun.RunAsync("import", annex, "--warehouse", fresh.Path);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        Assert.Matches(@"dalat\.docx: loaded rows=80 rejected=0", import.Out);
    }

    [Theory]
    [InlineData("--forms", "3")]
    [InlineData("--periods", "2019,năm ngoái")]
    [InlineData("--children", "")]
    public async Task ReportAnnex_badUsage_exits2NamingTheOption(string option, string value)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        string[] args = ["report", "annex", "--unit", "672", "--out", Path.Combine(warehouse.Directory, "x.docx"), "--warehouse", warehouse.Path];
        args = option switch
        {
            "--periods" => [.. args, option, value],
            "--children" => [.. args, "--periods", "2019", option],
            _ => [.. args, "--periods", "2019", option, value],
        };

        var run = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(option, run.Error);
    }
}
