using Bhyt.Dashboard.Security;
using Bhyt.Etl.Loading;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Review;

/// <summary>
/// The review of figures read from running text (<c>rpt.figure_candidates</c>): every signed-in user reads the list;
/// only analysts and administrators accept or reject, checked here on the server (not only by hiding the buttons). Both
/// within the account's unit scope: a candidate of another unit, or a correction moving one to another unit, is refused.
/// </summary>
public sealed class ReviewService(IWarehouseEngine engine, FigureCandidateQueries candidates, AuthenticationStateProvider authentication,
    IUnitAccessSource access, ILogger<ReviewService> log)
{
    public const int ListLimit = 500;

    public Task<List<FigureCandidateRow>> ListAsync(string? status, string? unitCode, CancellationToken ct) =>
        candidates.ListAsync(string.IsNullOrWhiteSpace(status) ? null : status, string.IsNullOrWhiteSpace(unitCode) ? null : unitCode.Trim(), ListLimit, ct);

    /// <summary>True when the signed-in user may accept or reject.</summary>
    public async Task<bool> CanReviewAsync() => IsReviewer((await authentication.GetAuthenticationStateAsync()).User);

    public async Task<SubmissionRecord> AcceptAsync(long candidateId, CandidateCorrection correction, CancellationToken ct)
    {
        var reviewer = await RequireReviewerAsync();
        await RequireInScopeAsync(candidateId, ct);
        if (correction.UnitCode is { } unit && !(await access.CurrentAsync(ct)).AllowsCode(unit.Trim()))
            throw new UnauthorizedAccessException($"Đơn vị '{unit.Trim()}' nằm ngoài phạm vi đơn vị của tài khoản. [scope.refused]");
        var saved = await new CandidateReview(engine).AcceptAsync(candidateId, correction, reviewer, ct);
        log.LogInformation("{User} accepted figure candidate {Candidate} as submission {Submission}", reviewer, candidateId, saved.SubmissionId);
        return saved;
    }

    public async Task RejectAsync(long candidateId, CancellationToken ct)
    {
        var reviewer = await RequireReviewerAsync();
        await RequireInScopeAsync(candidateId, ct);
        await new CandidateReview(engine).RejectAsync(candidateId, reviewer, ct);
        log.LogInformation("{User} rejected figure candidate {Candidate}", reviewer, candidateId);
    }

    private async Task RequireInScopeAsync(long candidateId, CancellationToken ct)
    {
        if (!await candidates.IsVisibleAsync(candidateId, ct))
            throw new UnauthorizedAccessException($"Số liệu #{candidateId} không có hoặc nằm ngoài phạm vi đơn vị của tài khoản. [scope.refused]");
    }

    private async Task<string> RequireReviewerAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (!IsReviewer(user) || user.Identity?.Name is not { } name)
            throw new UnauthorizedAccessException("Chỉ tài khoản phân tích hoặc quản trị được duyệt số liệu. [review.role]");
        return name;
    }

    private static bool IsReviewer(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Admin);
}
