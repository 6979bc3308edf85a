using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Submissions;

/// <summary>
/// What the Báo cáo nộp page shows: the submissions, the child units' reporting for the year, and, where a reporting
/// schedule is loaded, the reporting rates under the unit and the reports still missing after their deadline.
/// </summary>
public sealed record SubmissionsData(IReadOnlyList<SubmissionRow> Submissions, IReadOnlyList<ReportingStatus> Reporting, IReadOnlyList<(string Status, long Count)> Counts,
    IReadOnlyList<ReportingRateRow> Rates, IReadOnlyList<OutstandingReport> Missing);

/// <summary>The Báo cáo nộp page: the unit's submissions, and which child units reported (loaded, late, missing).</summary>
public sealed class SubmissionsService(SubmissionQueries queries, ReportingRateQueries rates)
{
    public const int MaxSubmissions = 1000;
    public const int MaxRates = 500;
    public const int MaxMissing = 1000;

    public async Task<SubmissionsData> LoadAsync(UnitInfo unit, Selection selection, CancellationToken ct)
    {
        var submissions = await queries.ListAsync(unit, MaxSubmissions, ct);
        List<(string, long)> counts =
        [
            ("Đã nạp", submissions.Count(s => s.Status == "loaded")),
            ("Bị từ chối", submissions.Count(s => s.Status == "rejected")),
        ];
        // A loaded reporting schedule decides who owes what and by when; without one, a year's figures are due by 31/1.
        var rateRows = await rates.RatesAsync(unit, MaxRates, ct);
        if (rateRows.Count > 0)
        {
            var missing = await rates.MissingAsync(unit, MaxMissing, ct);
            counts.Add(("Quá hạn chưa nộp (theo lịch)", missing.Count));
            return new SubmissionsData(submissions, [], counts, rateRows, missing);
        }
        var reporting = await queries.ReportingAsync(unit, selection, selection.Year, ct);
        counts.Add(($"Nộp muộn (năm {selection.Year})", reporting.Count(r => r.Late)));
        counts.Add(($"Chưa có số liệu (năm {selection.Year})", reporting.Count(r => r.Figures == 0)));
        return new SubmissionsData(submissions, reporting, counts, [], []);
    }

    public Task<List<IssueRow>> IssuesAsync(long submissionId, CancellationToken ct) => queries.IssuesAsync(submissionId, ct);
}
