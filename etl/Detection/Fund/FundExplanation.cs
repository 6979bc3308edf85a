using static Bhyt.Etl.Detection.Coverage.FindingText;

namespace Bhyt.Etl.Detection.Fund;

/// <summary>The Vietnamese sentence of a fund finding: the projection, the gap in money and percent, and the pace so far.</summary>
public static class FundExplanation
{
    public static string Sentence(string province, int year, bool overrun, int month, double cumulative, double projected, double target, SeasonalShape shape)
    {
        var (flow, goal, did) = overrun ? ("chi KCB", "dự toán", "đã chi") : ("thu BHYT", "kế hoạch", "đã thu");
        var gap = overrun ? projected - target : target - projected;
        var direction = overrun ? $"vượt {goal}" : $"thấp hơn {goal}";
        var pace = shape.IsLinear
            ? $"theo tiến độ đều (chưa có năm trước đủ 12 tháng) đến tháng này là {OneDecimalPercent(100.0 * month / 12)}"
            : $"theo nhịp các năm {string.Join(", ", shape.Years)} đến tháng này thường {(overrun ? "chi" : "thu")} {OneDecimalPercent(100 * shape.ShareBy(month))} (tức {Billions(target * shape.ShareBy(month))})";
        return $"Dự kiến {flow} cả năm {year} của {province} là {Billions(projected)}, {direction} {Billions(gap)} ({OneDecimalPercent(100 * gap / target)}): " +
               $"đến hết tháng {month:D2}/{year} {did} {Billions(cumulative)}, bằng {OneDecimalPercent(100 * cumulative / target)} {goal} năm ({Billions(target)}), " +
               $"trong khi {pace}.";
    }
}
