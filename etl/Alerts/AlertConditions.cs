using Bhyt.Etl.Detection;

namespace Bhyt.Etl.Alerts;

/// <summary>
/// The condition kinds an alert rule can watch (<c>dw.alert_rule.condition</c>), each with the anomaly kinds it reads from
/// <c>rpt.anomalies</c> (alerts never re-detect) and what the rule's threshold is compared with — the anomaly's score:
/// <list type="bullet">
/// <item><c>coverage_drop</c>: fall of the coverage rate between consecutive periods, in percentage points.</item>
/// <item><c>below_target</c>: distance below the period's target, in percentage points.</item>
/// <item><c>group_collapse</c>: fall of one contributor group, in % of the group.</item>
/// <item><c>fund_overrun</c>: projected KCB spending beyond the budget (<c>spending_ahead_of_budget</c>), in % of the budget.</item>
/// <item><c>claims_anomaly</c>: every claim-level and facility-month kind, one alert per unit and month (threshold: the detector's score, usually unused).</item>
/// <item><c>submission_late</c>: not an anomaly: see <see cref="LateSubmissions"/>; the threshold is the number of days after the period's end.</item>
/// </list>
/// </summary>
public static class AlertConditions
{
    public const string CoverageDrop = "coverage_drop";
    public const string BelowTarget = "below_target";
    public const string GroupCollapse = "group_collapse";
    public const string FundOverrun = "fund_overrun";
    public const string ClaimsAnomaly = "claims_anomaly";
    public const string SubmissionLate = "submission_late";

    public static readonly IReadOnlyList<string> All = [CoverageDrop, BelowTarget, GroupCollapse, FundOverrun, ClaimsAnomaly, SubmissionLate];

    /// <summary>The anomaly kinds each anomaly-backed condition reads.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> AnomalyKindsOf = new Dictionary<string, IReadOnlyList<string>>
    {
        [CoverageDrop] = [AnomalyKinds.CoverageDrop],
        [BelowTarget] = [AnomalyKinds.BelowTarget],
        [GroupCollapse] = [AnomalyKinds.GroupCollapse],
        [FundOverrun] = [AnomalyKinds.SpendingAheadOfBudget],
        [ClaimsAnomaly] =
        [
            AnomalyKinds.DuplicateClaim, AnomalyKinds.OverlappingStay, AnomalyKinds.CardOveruse, AnomalyKinds.StayLengthMismatch,
            AnomalyKinds.ClaimCostOutlier, AnomalyKinds.FacilityCostJump,
        ],
    };

    /// <summary>What the threshold of a rule of each condition means (shown beside the field on Cảnh báo).</summary>
    public static readonly IReadOnlyDictionary<string, string> ThresholdMeaning = new Dictionary<string, string>
    {
        [CoverageDrop] = "điểm % giảm tối thiểu",
        [BelowTarget] = "điểm % dưới chỉ tiêu tối thiểu",
        [GroupCollapse] = "% giảm tối thiểu của nhóm",
        [FundOverrun] = "% vượt dự toán tối thiểu",
        [ClaimsAnomaly] = "điểm bất thường tối thiểu (để trống: mọi điểm)",
        [SubmissionLate] = "số ngày sau khi kỳ kết thúc",
    };

    public static bool IsKnown(string condition) => All.Contains(condition);

    public static bool Reads(string condition, string anomalyKind) =>
        AnomalyKindsOf.TryGetValue(condition, out var kinds) && kinds.Contains(anomalyKind);
}
