using System.Globalization;

namespace Bhyt.Etl.Detection.Facilities;

/// <summary>
/// The Vietnamese sentence of a facility-month finding: "Chi phí bình quân/lượt của TTYT huyện X (68003) tháng 7/2023 là
/// 493.000 đ, cao hơn 68 % so với cùng kỳ và xu hướng gần đây (293.000 đ) và bằng 1,6 lần trung vị các cơ sở cùng tuyến 3,
/// công lập (310.000 đ); do tỷ lệ thuốc tăng từ 34 % lên 51 %; mô hình đa biến xếp tháng này cao hơn 99,8 % các
/// cơ sở-tháng, lệch nhiều nhất ở tỷ lệ thuốc (61 %) và chi phí bình quân/lượt (35 %)."
/// </summary>
public static class FacilityExplanation
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Sentence(FacilityMonth month, FeatureDeviation trigger, IReadOnlyList<FeatureDeviation> support, ProfileScore? score, int top)
    {
        var f = trigger.Feature;
        var value = Math.Exp(trigger.Value);
        var expected = Math.Exp(trigger.Expected);
        var rise = f.IsShare
            ? $"cao hơn {Math.Round(100 * (value - expected)).ToString("N0", Vi)} điểm % so với cùng kỳ và xu hướng gần đây ({f.Format(expected)})"
            : $"cao hơn {Math.Round(100 * (value / expected - 1)).ToString("N0", Vi)} % so với cùng kỳ và xu hướng gần đây ({f.Format(expected)})";
        var sentence = $"{f.Name} của {month.facility_name} ({month.facility_code}) tháng {month.period_start.Month}/{month.period_start.Year} " +
                       $"là {f.Format(value)}, {rise}{Peers(trigger)}";
        // Another visit type's cost rose with it ("đồng thời"); a share, a stay length or visits per card explain it ("do").
        var alongside = support.Where(d => d.Feature.Triggers && !d.Feature.IsShare).ToList();
        var causes = support.Except(alongside).ToList();
        if (causes.Count > 0)
            sentence += "; do " + string.Join(", ", causes.Select(Move));
        if (alongside.Count > 0)
            sentence += "; đồng thời " + string.Join(", ", alongside.Select(Move));
        if (score is not null)
            sentence += $"; mô hình đa biến xếp tháng này cao hơn {(100 * score.Quantile).ToString("N1", Vi)} % các cơ sở-tháng, lệch nhiều nhất ở " +
                        string.Join(" và ", score.Shares.Take(top).Select(s => $"{s.Feature.LowerName} ({Math.Round(100 * s.Share).ToString("N0", Vi)} %)"));
        return sentence + ".";
    }

    private static string Peers(FeatureDeviation trigger)
    {
        if (trigger.PeerMedian is not { } median) return "";
        var f = trigger.Feature;
        var peer = Math.Exp(median);
        var group = trigger.Peers;
        var ratio = Math.Exp(trigger.Value) / peer;
        return ratio >= 1.1
            ? $" và bằng {ratio.ToString("N1", Vi)} lần trung vị {group} ({f.Format(peer)})"
            : $", trong khi trung vị {group} là {f.Format(peer)}";
    }

    private static string Move(FeatureDeviation d)
    {
        var up = d.Value > d.Expected;
        return $"{d.Feature.LowerName} {(up ? "tăng" : "giảm")} từ {d.Feature.Format(Math.Exp(d.Expected))} {(up ? "lên" : "xuống")} {d.Feature.Format(Math.Exp(d.Value))}";
    }
}
