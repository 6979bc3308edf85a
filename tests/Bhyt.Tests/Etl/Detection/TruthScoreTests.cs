using System.Text.Json;
using Bhyt.Etl.Detection;

namespace Bhyt.Tests.Etl.Detection;

public class TruthScoreTests
{
    private static TruthEntry Planted(string kind, string subject, string period, string? details = null) =>
        new(kind, subject, period, details is null ? null : JsonDocument.Parse(details).RootElement);

    private static AnomalyFinding Flag(string kind, string subjectKind, string subject, string? period,
        string? claim = null, string? facility = null, string? unit = null) =>
        new(kind, subjectKind, subject, period, null, null, "m", 1, 0, 1, AnomalyFinding.Medium, "test", "giải thích")
        { ClaimId = claim, FacilityCode = facility, UnitCode = unit };

    [Fact]
    public void Score_duplicate_pair_flagged_on_either_claim_counts_and_an_unrelated_claim_does_not()
    {
        TruthEntry[] truth = [Planted(AnomalyKinds.DuplicateClaim, "LK10|LK11", "2023-05"), Planted(AnomalyKinds.DuplicateClaim, "LK20|LK21", "2023-06")];
        AnomalyFinding[] findings =
        [
            Flag(AnomalyKinds.DuplicateClaim, "claim", "LK11", "2023-05", claim: "LK11"),
            Flag(AnomalyKinds.DuplicateClaim, "claim", "LK10", "2023-05", claim: "LK10"),
            Flag(AnomalyKinds.DuplicateClaim, "claim", "LK99", "2023-06", claim: "LK99"),
        ];

        var score = Assert.Single(TruthScore.Score(truth, findings));

        Assert.Equal(new KindScore(AnomalyKinds.DuplicateClaim, 2, 3, 2, 0.6667, 0.5), score);
    }

    [Fact]
    public void Score_facility_jump_matches_by_facility_from_its_month_on_but_not_before()
    {
        TruthEntry[] truth = [Planted(AnomalyKinds.FacilityCostJump, "79001", "2023-07")];
        AnomalyFinding[] findings =
        [
            Flag(AnomalyKinds.FacilityCostJump, "facility", "79001", "2023-09", facility: "79001"),
            Flag(AnomalyKinds.FacilityCostJump, "facility", "79001", "2023-06", facility: "79001"),
            Flag(AnomalyKinds.FacilityCostJump, "facility", "79002", "2023-07", facility: "79002"),
        ];

        var score = Assert.Single(TruthScore.Score(truth, findings));

        Assert.Equal((1, 3, 1, 1.0), (score.Planted, score.Flagged, score.TruePositives, score.Recall));
    }

    [Fact]
    public void Score_coverage_by_unit_and_month_and_fund_by_province_within_the_planted_year()
    {
        TruthEntry[] truth =
        [
            Planted(AnomalyKinds.CoverageDrop, "16300", "2021-07"),
            Planted(AnomalyKinds.SpendingAheadOfBudget, "79", "2023"),
            Planted(AnomalyKinds.GroupCollapse, "16303", "2021-07", """{"until": "2021-09"}"""),
        ];
        AnomalyFinding[] findings =
        [
            Flag(AnomalyKinds.CoverageDrop, "unit", "16300", "2021-07", unit: "16300"),
            Flag(AnomalyKinds.CoverageDrop, "unit", "16300", "2021-08", unit: "16300"),
            Flag(AnomalyKinds.SpendingAheadOfBudget, "fund", "79", "2023-10", unit: "79"),
            Flag(AnomalyKinds.SpendingAheadOfBudget, "fund", "79", "2022-10", unit: "79"),
            Flag(AnomalyKinds.GroupCollapse, "unit", "16303", "2021-09", unit: "16303"),
        ];

        var scores = TruthScore.Score(truth, findings).ToDictionary(s => s.Kind);

        Assert.Equal((1, 0.5, 1.0), (scores[AnomalyKinds.CoverageDrop].TruePositives, scores[AnomalyKinds.CoverageDrop].Precision, scores[AnomalyKinds.CoverageDrop].Recall));
        Assert.Equal((0.5, 1.0), (scores[AnomalyKinds.SpendingAheadOfBudget].Precision, scores[AnomalyKinds.SpendingAheadOfBudget].Recall));
        Assert.Equal((1.0, 1.0), (scores[AnomalyKinds.GroupCollapse].Precision, scores[AnomalyKinds.GroupCollapse].Recall));
    }

    [Fact]
    public void Score_kind_planted_but_never_flagged_has_recall_zero_and_no_precision()
    {
        TruthEntry[] truth = [Planted(AnomalyKinds.OverlappingStay, "LK1|LK2", "2023-01")];
        AnomalyFinding[] findings = [Flag(AnomalyKinds.ClaimCostOutlier, "claim", "LK1", "2023-01", claim: "LK1")];

        var scores = TruthScore.Score(truth, findings);

        Assert.Equal([AnomalyKinds.ClaimCostOutlier, AnomalyKinds.OverlappingStay], scores.Select(s => s.Kind));
        Assert.Equal(new KindScore(AnomalyKinds.OverlappingStay, 1, 0, 0, null, 0), scores[1]);
        Assert.Equal(new KindScore(AnomalyKinds.ClaimCostOutlier, 0, 1, 0, 0, null), scores[0]);
    }

    [Fact]
    public void Read_generator_truth_file_reads_kind_subject_period_and_details()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("bhyt-truth-").FullName, "truth.json");
        File.WriteAllText(path, """
            [
              { "kind": "duplicate_claim", "subject": "LK1|LK2", "period": "2023-05", "details": { "card": "x", "claim_ids": ["LK1", "LK2"] } },
              { "kind": "spending_ahead_of_budget", "subject": "79", "period": "2023", "details": {} }
            ]
            """);

        var truth = TruthScore.Read(path);

        Assert.Equal([("duplicate_claim", "LK1|LK2", "2023-05"), ("spending_ahead_of_budget", "79", "2023")], truth.Select(t => (t.Kind, t.Subject, t.Period)));
        Assert.Equal("x", truth[0].Details!.Value.GetProperty("card").GetString());
    }

    [Fact]
    public void Read_anomalies_and_decoys_object_marks_the_decoys()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("bhyt-truth-").FullName, "truth.json");
        File.WriteAllText(path, """
            {
              "anomalies": [ { "kind": "coverage_drop", "subject": "07555", "period": "2023-05", "details": { "until": "2023-07" } } ],
              "decoys": [ { "kind": "coverage_drop", "subject": "07528", "period": "2023-09", "details": { "decoy": "thẻ học sinh" } } ]
            }
            """);

        var truth = TruthScore.Read(path);

        Assert.Equal([("07555", false), ("07528", true)], truth.Select(t => (t.Subject, t.IsDecoy)));
    }

    [Fact]
    public void Score_flagged_decoy_is_counted_and_costs_precision_but_not_recall()
    {
        TruthEntry[] truth =
        [
            Planted(AnomalyKinds.CoverageDrop, "07555", "2023-05"),
            Planted(AnomalyKinds.CoverageDrop, "07528", "2023-09") with { IsDecoy = true },
            Planted(AnomalyKinds.CoverageDrop, "07573", "2023-09") with { IsDecoy = true },
        ];
        AnomalyFinding[] findings =
        [
            Flag(AnomalyKinds.CoverageDrop, "unit", "07555", "2023-05", unit: "07555"),
            Flag(AnomalyKinds.CoverageDrop, "unit", "07528", "2023-09", unit: "07528"),
        ];

        var score = Assert.Single(TruthScore.Score(truth, findings));

        Assert.Equal((1, 2, 1, 0.5, 1.0, 2, 1), (score.Planted, score.Flagged, score.TruePositives, score.Precision, score.Recall, score.Decoys, score.DecoysFlagged));
    }

    [Theory]
    [InlineData("2023", "2023-01-01", "2023-12-31")]
    [InlineData("2023-Q3", "2023-07-01", "2023-09-30")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2024-02-10", "2024-02-10", "2024-02-10")]
    public void Span_period_label_gives_its_first_and_last_day(string label, string start, string end)
    {
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), TruthScore.Span(label));
    }
}
