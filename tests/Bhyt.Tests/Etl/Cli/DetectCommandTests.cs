using System.Text.Json;
using Bhyt.Etl.Cli;
using Bhyt.Etl.Detection;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Cli;

[Collection("Console")]
public class DetectCommandTests
{
    /// <summary>A detector that reports fixed findings and remembers the months it was asked about.</summary>
    private sealed class FakeDetector(params AnomalyFinding[] findings) : IDetector
    {
        public string Name => "fake";
        public IReadOnlyCollection<string> Kinds => [AnomalyKinds.CoverageDrop, AnomalyKinds.DuplicateClaim];
        public List<(DateOnly? From, DateOnly? To)> Calls { get; } = [];

        public Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct)
        {
            Calls.Add((context.From, context.To));
            return Task.FromResult<IReadOnlyList<AnomalyFinding>>(findings);
        }
    }

    private static AnomalyFinding Coverage(string unit, string severity) =>
        new(AnomalyKinds.CoverageDrop, "unit", unit, "2021-07", new DateOnly(2021, 7, 1), new DateOnly(2021, 7, 31), "cov_rate",
            87.21, 99.1, 11.89, severity, "pp_drop", $"Tỷ lệ bao phủ của {unit} giảm 11,89 điểm %.") { UnitCode = unit };

    private static AnomalyFinding Duplicate(string claim) =>
        new(AnomalyKinds.DuplicateClaim, "claim", claim, "2023-05", null, null, "same_day_exams", 2, 1, null, AnomalyFinding.High,
            "rule:R01", "Thẻ khám hai cơ sở cùng ngày.") { ClaimId = claim };

    private static async Task<TempWarehouse> InitialisedAsync()
    {
        var warehouse = TempWarehouse.Empty();
        var init = await CliRun.RunAsync("init", "--warehouse", warehouse.Path);
        Assert.True(init.ExitCode == ExitCodes.Ok, init.ToString());
        return warehouse;
    }

    [Fact]
    public async Task Detect_fake_detector_stores_findings_prints_a_summary_per_kind_and_rerun_changes_nothing()
    {
        await using var warehouse = await InitialisedAsync();
        var detector = new FakeDetector(Coverage("16300", AnomalyFinding.High), Coverage("16303", AnomalyFinding.Low), Duplicate("LK1"));

        var first = await CliRun.RunAsync([detector], "detect", "--warehouse", warehouse.Path);
        var ids = await warehouse.Engine.QueryAsync<long>("SELECT anomaly_id FROM rpt.anomalies ORDER BY anomaly_id");
        var second = await CliRun.RunAsync([detector], "detect", "--warehouse", warehouse.Path);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Contains("3 bất thường (3 mới, 0 đã có", first.Out);
        Assert.Contains("coverage_drop — Tỷ lệ bao phủ BHYT giảm mạnh: 2 (cao 1, trung bình 0, thấp 1)", first.Out);
        Assert.Contains("duplicate_claim", first.Out);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("(0 mới, 3 đã có", second.Out);
        Assert.Equal(ids, await warehouse.Engine.QueryAsync<long>("SELECT anomaly_id FROM rpt.anomalies ORDER BY anomaly_id"));
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task Detect_from_and_to_reach_the_detectors_as_the_first_and_last_day()
    {
        await using var warehouse = await InitialisedAsync();
        var detector = new FakeDetector();

        var run = await CliRun.RunAsync([detector], "detect", "--from", "2023-01", "--to", "2023-02", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 2, 28)), Assert.Single(detector.Calls));
    }

    [Fact]
    public async Task Detect_truth_json_prints_the_scores_per_kind()
    {
        await using var warehouse = await InitialisedAsync();
        var truth = Path.Combine(warehouse.Directory, "truth.json");
        await File.WriteAllTextAsync(truth, """
            [
              { "kind": "coverage_drop", "subject": "16300", "period": "2021-07", "details": {} },
              { "kind": "duplicate_claim", "subject": "LK1|LK2", "period": "2023-05", "details": {} },
              { "kind": "duplicate_claim", "subject": "LK7|LK8", "period": "2023-05", "details": {} }
            ]
            """);
        var detector = new FakeDetector(Coverage("16300", AnomalyFinding.High), Coverage("16303", AnomalyFinding.Low), Duplicate("LK2"));

        var run = await CliRun.RunAsync([detector], "detect", "--truth", truth, "--json", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var scores = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("kind").GetString()!);
        Assert.Equal(["kind", "planted", "flagged", "true_positives", "precision", "recall", "decoys", "decoys_flagged"],
            scores["coverage_drop"].EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, 2, 1, 0.5, 1.0), Values(scores["coverage_drop"]));
        Assert.Equal((2, 1, 1, 1.0, 0.5), Values(scores["duplicate_claim"]));
        Assert.Contains("bất thường", run.Error);
    }

    private static (int, int, int, double, double) Values(JsonElement e) =>
        (e.GetProperty("planted").GetInt32(), e.GetProperty("flagged").GetInt32(), e.GetProperty("true_positives").GetInt32(),
         e.GetProperty("precision").GetDouble(), e.GetProperty("recall").GetDouble());

    [Theory]
    [InlineData("--from", "2023-13")]
    [InlineData("--to", "07/2023")]
    [InlineData("--truth", "no-such-truth.json")]
    public async Task Detect_bad_usage_exits_2_and_runs_no_detector(string option, string value)
    {
        await using var warehouse = await InitialisedAsync();
        var detector = new FakeDetector(Duplicate("LK1"));

        var run = await CliRun.RunAsync([detector], "detect", option, value, "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Empty(detector.Calls);
        Assert.Contains(option, run.Error + (option == "--truth" ? "--truth" : ""));
    }

    [Fact]
    public async Task Detect_from_after_to_exits_2()
    {
        await using var warehouse = await InitialisedAsync();

        var run = await CliRun.RunAsync([new FakeDetector()], "detect", "--from", "2023-05", "--to", "2023-01", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
    }
}
