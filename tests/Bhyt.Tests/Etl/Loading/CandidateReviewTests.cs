using Bhyt.Etl.Import;
using Bhyt.Etl.Loading;
using Bhyt.Tests.Etl.Sources;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Loading;

/// <summary>Figures in prose on a real DuckDB warehouse: stored as candidates by the import, loaded only when accepted.</summary>
public class CandidateReviewTests
{
    private const string Report = """
        BÁO CÁO
        Kết quả thực hiện chính sách BHYT năm 2023

        Năm 2023, tỷ lệ bao phủ BHYT trên địa bàn đạt 91,35% dân số.
        Tổng số người tham gia BHYT là 182.406 người, tăng 3.120 người so với năm 2022.
        Phấn đấu đến năm 2025 tỷ lệ bao phủ BHYT đạt 95%.
        """;

    private sealed record Candidate(long CandidateId, long SubmissionId, string? IndicatorCode, string? PeriodLabel, string ValueKind, decimal Value,
        string Sentence, int SpanStart, int SpanLength, string Status);

    private static async Task<(ImportResult Result, List<Candidate> Candidates)> ImportAsync(TempWarehouse warehouse, TempFolder folder)
    {
        var path = folder.Write("bao-cao-2023.txt", System.Text.Encoding.UTF8.GetBytes(Report));
        var result = await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(ImportKinds.Report, "672"), null, CancellationToken.None);
        var candidates = await warehouse.Engine.QueryAsync<Candidate>("""
            SELECT candidate_id AS CandidateId, submission_id AS SubmissionId, indicator_code AS IndicatorCode, period_label AS PeriodLabel,
                   value_kind AS ValueKind, value AS Value, sentence AS Sentence, span_start AS SpanStart, span_length AS SpanLength, status AS Status
            FROM rpt.figure_candidates ORDER BY candidate_id
            """);
        return (result, candidates.ToList());
    }

    [Fact]
    public async Task ImportAsync_report_without_tables_stores_its_prose_candidates_with_the_submission_and_loads_none()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        using var folder = new TempFolder();

        var (result, candidates) = await ImportAsync(warehouse, folder);

        Assert.Equal([("cov_rate", "2023", "actual", 91.35m), ("cov_participants", "2023", "actual", 182406m), ("cov_rate", "2025", "target", 95m)],
            candidates.Select(c => (c.IndicatorCode!, c.PeriodLabel!, c.ValueKind, c.Value)));
        Assert.All(candidates, c => Assert.Equal((result.Submission.SubmissionId, "open"), (c.SubmissionId, c.Status)));
        Assert.Equal("182.406 người", candidates[1].Sentence.Substring(candidates[1].SpanStart, candidates[1].SpanLength));
        Assert.Empty(await warehouse.Engine.QueryAsync<decimal>("SELECT value FROM rpt.indicator_values WHERE source = 'submission'"));
    }

    [Fact]
    public async Task AcceptAsync_loads_the_corrected_figure_as_a_review_submission_whose_source_is_the_sentence_and_RejectAsync_loads_nothing()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        using var folder = new TempFolder();
        var (_, candidates) = await ImportAsync(warehouse, folder);
        var review = new CandidateReview(warehouse.Engine);

        var saved = await review.AcceptAsync(candidates[0].CandidateId, new CandidateCorrection(Value: 91.4m), "phantich", CancellationToken.None);
        await review.RejectAsync(candidates[2].CandidateId, "phantich", CancellationToken.None);

        Assert.Equal(("review", "loaded", "672"), (saved.Kind, saved.Status, saved.UnitCode));
        Assert.Equal(91.4m, await warehouse.Engine.ValueAsync("672", "2023", "cov_rate"));
        Assert.Null(await warehouse.Engine.ValueAsync("672", "2025", "cov_rate", "target"));
        var history = await warehouse.Engine.QueryAsync<(string SourceText, string Location, long SubmissionId)>(
            "SELECT source_text, source_location, submission_id FROM rpt.indicator_history WHERE indicator_code = 'cov_rate' AND unit_code = '672'");
        var (text, location, submission) = Assert.Single(history);
        Assert.Equal((candidates[0].Sentence, saved.SubmissionId), (text, submission));
        Assert.StartsWith($"ứng viên #{candidates[0].CandidateId}", location);
        var reviewed = await warehouse.Engine.QueryAsync<(string Status, string ReviewedBy, decimal? Corrected, long? Accepted)>(
            "SELECT status, reviewed_by, corrected_value, accepted_submission_id FROM rpt.figure_candidates WHERE reviewed_at IS NOT NULL ORDER BY candidate_id");
        Assert.Equal([("accepted", "phantich", 91.4m, saved.SubmissionId), ("rejected", "phantich", null, null)], reviewed);
    }

    [Fact]
    public async Task AcceptAsync_a_reviewed_candidate_or_an_impossible_value_is_refused_and_loads_nothing()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        using var folder = new TempFolder();
        var (_, candidates) = await ImportAsync(warehouse, folder);
        var review = new CandidateReview(warehouse.Engine);

        var above = await Assert.ThrowsAsync<ReviewRefusedException>(() =>
            review.AcceptAsync(candidates[0].CandidateId, new CandidateCorrection(Value: 913.5m), "phantich", CancellationToken.None));
        await review.RejectAsync(candidates[1].CandidateId, "quantri", CancellationToken.None);
        var twice = await Assert.ThrowsAsync<ReviewRefusedException>(() =>
            review.AcceptAsync(candidates[1].CandidateId, new CandidateCorrection(), "phantich", CancellationToken.None));

        Assert.Contains("[value.above_100]", above.Message);
        Assert.Contains("[review.not_open]", twice.Message);
        Assert.Empty(await warehouse.Engine.QueryAsync<decimal>("SELECT value FROM rpt.indicator_values WHERE source = 'submission'"));
        Assert.Equal("open", Assert.Single(await warehouse.Engine.QueryAsync<string>(
            "SELECT status FROM rpt.figure_candidates WHERE candidate_id = @id", new { id = candidates[0].CandidateId })));
    }
}
