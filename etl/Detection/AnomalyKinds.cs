namespace Bhyt.Etl.Detection;

/// <summary>
/// The vocabulary of <c>rpt.anomalies.kind</c> — one place, documented in README. Detectors report these kinds;
/// <c>bhyt detect --truth</c> scores each kind against the generator's planted anomalies of the same name.
/// </summary>
public static class AnomalyKinds
{
    // Claims, cross-facility and claim-level rules.
    public const string DuplicateClaim = "duplicate_claim";           // one card examined at two facilities on the same day
    public const string OverlappingStay = "overlapping_stay";         // overlapping inpatient stays of one card at different facilities
    public const string CardOveruse = "card_overuse";                 // implausible number of visits of one card in a month
    public const string StayLengthMismatch = "stay_length_mismatch";  // length of stay inconsistent with admission/discharge dates
    public const string ClaimCostOutlier = "claim_cost_outlier";      // a claim's cost far beyond its peers (tier × visit type)

    // Claims, facility-month profiles.
    public const string FacilityCostJump = "facility_cost_jump";      // a facility-month's profile far from its history and peers

    // Fund.
    public const string SpendingAheadOfBudget = "spending_ahead_of_budget"; // projected spending crosses the budget
    public const string RevenueBehindPlan = "revenue_behind_plan";

    // Coverage.
    public const string CoverageDrop = "coverage_drop";               // coverage rate falls beyond a threshold between consecutive periods
    public const string BelowTarget = "below_target";                 // coverage below the period's target
    public const string GroupCollapse = "group_collapse";             // a contributor group shrinks sharply

    /// <summary>Every kind with what a reader is told it means (Vietnamese).</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [DuplicateClaim] = "Một thẻ khám ở hai cơ sở khác nhau trong cùng một ngày",
        [OverlappingStay] = "Một thẻ điều trị nội trú chồng thời gian ở hai cơ sở",
        [CardOveruse] = "Một thẻ có số lượt KCB bất thường trong tháng",
        [StayLengthMismatch] = "Số ngày điều trị không khớp ngày vào/ra",
        [ClaimCostOutlier] = "Chi phí hồ sơ vượt xa các hồ sơ cùng tuyến, cùng loại",
        [FacilityCostJump] = "Hồ sơ KCB của cơ sở trong tháng khác xa lịch sử và các cơ sở cùng tuyến",
        [SpendingAheadOfBudget] = "Chi KCB dự kiến vượt dự toán",
        [RevenueBehindPlan] = "Thu BHYT chậm so với kế hoạch",
        [CoverageDrop] = "Tỷ lệ bao phủ BHYT giảm mạnh",
        [BelowTarget] = "Tỷ lệ bao phủ dưới chỉ tiêu",
        [GroupCollapse] = "Một nhóm đối tượng tham gia giảm mạnh",
    };
}
