using Bunit;
using Bhyt.Dashboard.Components.Pages.Anomalies;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Coverage;
using Bhyt.Warehouse.Queries;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>The detail panel and the precision table rendered: chart, band per period in vi-VN, the flagged claim in bold.</summary>
public sealed class AnomalyDetailPanelTests : BunitContext
{
    public AnomalyDetailPanelTests()
    {
        Services.AddRadzenComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The chart asks the browser for its size once rendered; a 1000×300 box stands in for it.
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true).SetResult(new Radzen.Blazor.Rendering.Rect { Width = 1000, Height = 300 });
    }

    private static AnomalyRow Anomaly(string kind, string subjectKind, string subject, string measure) =>
        new(7, DateTime.UtcNow, kind, subjectKind, subject, "219", null, null, "2021-07", measure, 87.21, 99.1, 11.89, "high",
            "coverage.consecutive_months: fall ≥ 2 pp", "Tỷ lệ bao phủ của huyện Lục Ngạn giảm từ 99,1 % xuống 87,21 %.", "open", null, null, null)
        { PeriodStart = new DateTime(2021, 7, 1), PeriodEnd = new DateTime(2021, 7, 31) };

    [Fact]
    public void A_coverage_drop_shows_its_explanation_chart_and_the_band_of_each_month()
    {
        var anomaly = Anomaly(AnomalyKinds.CoverageDrop, "unit", "219", "cov_rate");
        AnomalySeriesPoint Month(int month, double rate) =>
            new("cov_rate", $"2021-{month:D2}", new DateTime(2021, month, 1), new DateTime(2021, month, 1).AddMonths(1).AddDays(-1), "month", rate, null);
        var detail = CoverageBand.Build(anomaly, [Month(6, 99.1), Month(7, 87.21), Month(8, 87.5)], CoverageThresholds.Default);

        var panel = Render<AnomalyDetailPanel>(p => p.Add(c => c.Anomaly, anomaly).Add(c => c.Detail, detail));

        Assert.Contains("giảm từ 99,1 % xuống 87,21 %", panel.Find("p.explanation").TextContent);
        Assert.NotEmpty(panel.FindAll("figure[data-chart=anomaly-band] svg"));
        var flagged = panel.Find("#anomaly-band-table tr.flagged").TextContent;
        Assert.Contains("T7/21", flagged);
        Assert.Contains("87,21 %", flagged);
        Assert.Contains("97,10 % – 99,10 %", flagged);
        Assert.Single(panel.FindAll("#anomaly-band-table tr.flagged"));
    }

    [Fact]
    public void A_claim_flag_lists_the_claims_with_the_flagged_one_in_bold_and_no_chart()
    {
        var anomaly = Anomaly(AnomalyKinds.DuplicateClaim, "claim", "DUP-2", "facilities_same_day");
        var detail = AnomalyDetail.ClaimsOnly("Trùng ngày", "Hồ sơ bị gắn cờ (in đậm)…",
        [
            new ClaimFact("DUP-1", "68001", "TTYT huyện A", "exam", new DateTime(2023, 2, 10, 8, 0, 0), new DateTime(2023, 2, 10, 9, 0, 0), 0, 350_000, 280_000, false),
            new ClaimFact("DUP-2", "68002", "TTYT huyện B", "exam", new DateTime(2023, 2, 10, 14, 0, 0), null, null, 1_410_000, null, true),
        ]);

        var panel = Render<AnomalyDetailPanel>(p => p.Add(c => c.Anomaly, anomaly).Add(c => c.Detail, detail));

        Assert.Empty(panel.FindAll("svg"));
        Assert.Equal("DUP-2", panel.Find("#anomaly-claims tr.flagged strong").TextContent);
        Assert.Contains("1.410.000 đ", panel.Find("#anomaly-claims tr.flagged").TextContent);
        Assert.Contains("10/02/2023 08:00", panel.FindAll("#anomaly-claims tbody tr")[0].TextContent);
    }

    [Fact]
    public void The_precision_table_writes_percent_in_vi_VN_and_says_when_verdicts_are_too_few()
    {
        var table = Render<RulePrecisionTable>(p => p.Add(c => c.Rows, new List<RulePrecision>
        {
            new(AnomalyKinds.DuplicateClaim, "DUP_XFAC_DAY", 1_200, 40, 27, 3),
            new(AnomalyKinds.CoverageDrop, "coverage.consecutive_months: fall ≥ 2 pp", 9, 4, 3, 1),
        }));

        var rows = table.FindAll("#rule-precision tbody tr");
        Assert.Equal("90,0 %", rows[0].QuerySelector("td.precision")!.TextContent);
        Assert.Contains("1.200", rows[0].TextContent);
        Assert.Equal("chưa đủ đánh giá (4 kết luận)", rows[1].QuerySelector("td.precision")!.TextContent);
    }
}
