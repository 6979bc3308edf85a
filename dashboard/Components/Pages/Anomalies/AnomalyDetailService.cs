using Bhyt.Etl.Detection.Coverage;
using Bhyt.Etl.Detection.Facilities;
using Bhyt.Etl.Detection.Fund;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Dashboard.Components.Pages.Anomalies;

/// <summary>
/// The detail of one anomaly for the *Bất thường* page: the subject's series with the band its detector considers normal
/// (unit → coverage series; facility → monthly measure against same-tier peers; fund → cumulative against the budget's
/// pace), or for a claim or a card the facts of the flagged claims (no personal data; the card only as its pseudonym).
/// The thresholds are the detectors' own defaults — the ones <c>bhyt detect</c> runs with.
/// </summary>
public sealed class AnomalyDetailService(AnomalySeriesQueries queries)
{
    public async Task<AnomalyDetail> ForAsync(AnomalyRow anomaly, CancellationToken ct) => anomaly.SubjectKind switch
    {
        "unit" => CoverageBand.Build(anomaly, await queries.UnitSeriesAsync(anomaly.SubjectCode, BoundarySetOf(anomaly), [anomaly.Measure], ct),
            CoverageThresholds.Default),
        "facility" when AnomalySeriesQueries.FacilityMeasures.ContainsKey(anomaly.Measure) =>
            FacilityBand.Build(anomaly, await queries.FacilityBandAsync(anomaly.SubjectCode, anomaly.Measure, FacilityThresholds.Default.MinClaims, ct)),
        "fund" when FundBand.TargetOf(anomaly.Measure) is { } held => FundBand.Build(anomaly, BoundarySetOf(anomaly),
            await queries.UnitSeriesAsync(anomaly.SubjectCode, BoundarySetOf(anomaly), [anomaly.Measure, held.Target], ct), FundThresholds.Default),
        "claim" => AnomalyDetail.ClaimsOnly($"{AnomalyText.Kind(anomaly.Kind)} — hồ sơ {anomaly.SubjectCode}",
            "Hồ sơ bị gắn cờ (in đậm) và các hồ sơ khác của cùng thẻ có ngày điều trị trùng với nó.",
            await queries.ClaimWithCounterpartsAsync(anomaly.SubjectCode, ct)),
        "card" when anomaly.PeriodStart is { } month => AnomalyDetail.ClaimsOnly($"{AnomalyText.Kind(anomaly.Kind)} — thẻ (mã ẩn danh {Pseudonym(anomaly.SubjectCode)}), tháng {anomaly.PeriodLabel}",
            $"Các hồ sơ của thẻ trong tháng (tối đa {AnomalySeriesQueries.ClaimLimit.ToString("N0", Charts.Format.Vi)}).",
            await queries.CardMonthAsync(anomaly.SubjectCode, month, ct)),
        _ => AnomalyDetail.Empty(AnomalyText.Kind(anomaly.Kind), $"Chưa có biểu đồ cho chỉ tiêu {anomaly.Measure} của {anomaly.SubjectKind}."),
    };

    /// <summary>The boundary set in force at the flagged period: the one the detectors file a finding under (the country is in both).</summary>
    public static string BoundarySetOf(AnomalyRow anomaly) =>
        BoundarySets.InForce(BoundarySets.Pre2025, DateOnly.FromDateTime(anomaly.PeriodStart ?? DateTime.MinValue)) ? BoundarySets.Pre2025 : BoundarySets.Post2025;

    /// <summary>A card is shown by the start of its pseudonym, as the claim rules' explanations write it (their ClaimText is internal to etl).</summary>
    private static string Pseudonym(string pseudonym) => pseudonym.Length > 12 ? pseudonym[..12] + "…" : pseudonym;
}
