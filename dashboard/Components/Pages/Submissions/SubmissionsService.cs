using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Submissions;

public sealed record SubmissionsData(IReadOnlyList<SubmissionRow> Submissions, IReadOnlyList<ReportingStatus> Reporting, IReadOnlyList<(string Status, long Count)> Counts);

/// <summary>The Báo cáo nộp page: the unit's submissions, and which child units reported the year (loaded, late, missing).</summary>
public sealed class SubmissionsService(SubmissionQueries queries)
{
    public const int MaxSubmissions = 1000;

    public async Task<SubmissionsData> LoadAsync(UnitInfo unit, Selection selection, CancellationToken ct)
    {
        var submissions = await queries.ListAsync(unit, MaxSubmissions, ct);
        var reporting = await queries.ReportingAsync(unit, selection, selection.Year, ct);
        return new SubmissionsData(submissions, reporting,
        [
            ("Đã nạp", submissions.Count(s => s.Status == "loaded")),
            ("Bị từ chối", submissions.Count(s => s.Status == "rejected")),
            ($"Nộp muộn (năm {selection.Year})", reporting.Count(r => r.Late)),
            ($"Chưa có số liệu (năm {selection.Year})", reporting.Count(r => r.Figures == 0)),
        ]);
    }

    public Task<List<IssueRow>> IssuesAsync(long submissionId, CancellationToken ct) => queries.IssuesAsync(submissionId, ct);
}
