using Bhyt.Etl.Detection.Facilities;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>
/// A facility-month anomaly drawn against its peers: the facility's monthly measure, the median of the facilities of the
/// same tier and ownership that month (dashed) and their interquartile range (the band). The detector also compares the
/// month with the facility's own seasonal history; that expectation (the anomaly's <c>expected</c>) is named in the note.
/// </summary>
public static class FacilityBand
{
    /// <summary>How each facility-month measure is written.</summary>
    public static string UnitOf(string measure) => measure switch
    {
        "cost_per_claim" or "paid_per_claim" or "outpatient_cost" or "inpatient_cost" or "outpatient_typical_cost" or "inpatient_typical_cost" => "vnd",
        "drug_share" or "supplies_share" or "inpatient_share" => "share",
        _ => "number",
    };

    public static AnomalyDetail Build(AnomalyRow anomaly, IReadOnlyList<PeerBandPoint> months)
    {
        var unit = UnitOf(anomaly.Measure);
        var flaggedMonth = anomaly.PeriodStart;
        var points = months.Select(m => new BandPoint(m.Month, DetailValue.Month(m.Month), m.Value, m.PeerMedian, m.PeerQ1, m.PeerQ3, null,
            flaggedMonth is { } f && m.Month.Year == f.Year && m.Month.Month == f.Month)).ToList();
        var peers = months.FirstOrDefault(m => m.Month.Year == flaggedMonth?.Year && m.Month.Month == flaggedMonth?.Month)?.Peers ?? 0;
        var note = $"Vùng tô màu: khoảng tứ phân vị (25 %–75 %) của {peers.ToString("N0", Charts.Format.Vi)} cơ sở cùng tuyến, cùng hình thức sở hữu trong tháng bị gắn cờ "
                   + "(mỗi tháng tính lại, không kể chính cơ sở này); đường nét đứt: trung vị của các cơ sở đó. "
                   + $"Bộ phát hiện còn so với lịch sử của chính cơ sở (cùng kỳ các năm trước và xu hướng gần đây): mức dự kiến của tháng bị gắn cờ là {DetailValue.Text(anomaly.Expected, unit)}.";
        return new AnomalyDetail($"{AnomalyText.Kind(anomaly.Kind)} — cơ sở {anomaly.SubjectCode}, tháng {anomaly.PeriodLabel}", unit,
            MeasureName(anomaly.Measure), "Trung vị cơ sở cùng tuyến", "Tứ phân vị cơ sở cùng tuyến", note, points, []);
    }

    /// <summary>The measure's name as the detector writes it (<see cref="FacilityFeature"/>), or its code.</summary>
    private static string MeasureName(string measure) => FacilityFeature.All.FirstOrDefault(f => f.Code == measure)?.Name ?? measure;
}
