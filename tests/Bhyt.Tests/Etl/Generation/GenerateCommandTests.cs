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
    public async Task Generate_unknownScale_exitsWithUsage()
    {
        var run = await CliRun.RunAsync("generate", "--out", Path.GetTempPath(), "--scale", "planet");
        Assert.Equal(2, run.ExitCode);
    }
}
