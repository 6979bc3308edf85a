using Bhyt.Tests.Etl.Cli;

namespace Bhyt.Tests.Etl.Generation;

[Collection("Console")]
public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_districtScale_writesEveryFileAndExitsZero()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bhyt-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await CliRun.RunAsync("generate", "--out", directory, "--scale", "district", "--claims", "2000", "--seed", "9");
            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var file in new[] { "facilities.csv", "claims.csv", "submissions.csv", "fund.csv", "truth.json" })
                Assert.True(File.Exists(Path.Combine(directory, file)), file);
            Assert.Contains("claims.csv: rows=2000", run.Out);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
        }
    }

    [Fact]
    public async Task Generate_formatXml_writesEnvelopesAndAZipInsteadOfClaimsCsvAndExitsZero()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bhyt-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await CliRun.RunAsync("generate", "--out", directory, "--scale", "district", "--claims", "1200", "--seed", "9", "--format", "xml", "--claims-per-file", "500");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.False(File.Exists(Path.Combine(directory, "claims.csv")));
            Assert.Matches(@"giamdinh-0001\.xml: rows=500 bytes=[0-9]+", run.Out);
            Assert.Matches(@"hoso-0001\.zip: rows=[1-9][0-9]* bytes=[0-9]+", run.Out);
            var claims = System.Text.RegularExpressions.Regex.Matches(run.Out, @"(giamdinh-|hoso-)[^:]+: rows=([0-9]+)").Sum(m => int.Parse(m.Groups[2].Value));
            Assert.Equal(1200, claims);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
        }
    }

    [Fact]
    public async Task Generate_unknownFormat_exitsWithUsage()
    {
        var run = await CliRun.RunAsync("generate", "--out", Path.GetTempPath(), "--format", "json");
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Generate_unknownScale_exitsWithUsage()
    {
        var run = await CliRun.RunAsync("generate", "--out", Path.GetTempPath(), "--scale", "planet");
        Assert.Equal(2, run.ExitCode);
    }
}
