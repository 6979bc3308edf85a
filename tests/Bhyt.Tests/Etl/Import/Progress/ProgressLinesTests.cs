using System.Globalization;
using Bhyt.Etl.Import;
using Bhyt.Etl.Import.Progress;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Import.Progress;

/// <summary>The plain progress lines of a real claims import: what a log or CI job shows while a large file loads.</summary>
public sealed class ProgressLinesTests(GeneratedClaimsFixture generated) : IClassFixture<GeneratedClaimsFixture>
{
    [Fact]
    public async Task Report_during_a_claims_import_writes_rows_speed_and_time_left_rising_to_100_percent_then_the_later_phases()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var service = await ImportService.CreateAsync(warehouse.Engine, ct);
        await service.ImportAsync(generated.FacilitiesFile, new ImportOptions(), null, ct);
        var lines = new List<string>();

        var result = await service.ImportAsync(generated.ClaimsFile, new ImportOptions(), new ProgressLines(lines.Add) { QuietFor = TimeSpan.Zero }, ct);

        Assert.Equal("loaded", result.Submission.Status);
        var reading = lines.Select(l => ProgressLineParts.Reading("claims.csv", l)).OfType<ProgressLineParts>().ToList();
        // The start and the end at least: lines in between come every quarter second, and a fast machine reads this file in less.
        Assert.True(reading.Count >= 2, string.Join('\n', lines));
        Assert.All(reading.Zip(reading.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Percent >= pair.First.Percent && pair.Second.Rows >= pair.First.Rows
                        && pair.Second.MegabytesRead >= pair.First.MegabytesRead, string.Join('\n', lines));
        });
        var last = reading[^1];
        Assert.Equal(100, last.Percent);
        Assert.Equal(generated.ClaimRows, last.Rows);
        Assert.Equal(new FileInfo(generated.ClaimsFile).Length / 1048576.0, last.MegabytesTotal, 0.051);
        Assert.Equal(last.MegabytesTotal, last.MegabytesRead);
        // The time left needs half a second of reading to go by (LoadProgressTests): on a fast machine this file is read sooner.
        Assert.All(reading.Skip(1), r => Assert.True(r.MegabytesPerSecond > 0, string.Join('\n', lines)));
        Assert.Contains($"{generated.ClaimRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} hồ sơ", lines[^1]);

        var after = lines.SkipWhile(l => !l.Contains("đang đọc 100 %")).Skip(1).ToList();
        Assert.True(after.FindIndex(l => l.Contains("đang tính tổng hợp tháng…")) is >= 0 and var monthly
                    && after.FindIndex(l => l.Contains("đang tính chỉ tiêu…")) > monthly, string.Join('\n', lines));
        Assert.StartsWith("claims.csv: xong · ", lines[^1]);
    }

    [Fact]
    public void Report_of_a_file_done_within_the_quiet_time_writes_nothing_and_a_slow_one_a_line_per_tenth()
    {
        var lines = new List<string>();
        var progress = new ProgressLines(lines.Add);
        LoadProgress At(string file, LoadPhase phase, long read, double seconds) =>
            new(file, phase, read, 1000, read / 10, "hồ sơ", TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds));

        foreach (var (read, seconds) in new[] { (0L, 0.0), (600L, 0.3), (1000L, 0.6) }) progress.Report(At("nho.csv", LoadPhase.Reading, read, seconds));
        progress.Report(At("nho.csv", LoadPhase.Done, 1000, 0.7));
        Assert.Empty(lines);

        for (var step = 0; step <= 40; step++) progress.Report(At("lon.csv", LoadPhase.Reading, step * 25, 1 + step * 0.25));
        progress.Report(At("lon.csv", LoadPhase.Done, 1000, 12));

        Assert.Equal(["lon.csv: đang đọc 0 %", .. Enumerable.Range(1, 10).Select(t => $"lon.csv: đang đọc {t * 10} %"), "lon.csv: xong"],
            lines.Select(l => l.Split(" · ")[0]));
    }
}
