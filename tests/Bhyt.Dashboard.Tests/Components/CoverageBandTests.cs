using Bhyt.Dashboard.Components.Pages.Anomalies;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Coverage;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Tests.Components;

/// <summary>What the coverage band calls normal follows the coverage detector: its thresholds, and no comparison across the 2025 mapping seam.</summary>
public sealed class CoverageBandTests
{
    private static AnomalySeriesPoint Month(string indicator, int year, int month, double? actual, double? target = null, bool mapped = false) =>
        new(indicator, $"{year}-{month:D2}", new DateTime(year, month, 1), new DateTime(year, month, 1).AddMonths(1).AddDays(-1), "month", actual, target)
        {
            IsMapped = mapped, IndicatorName = indicator == "cov_rate" ? "Tỷ lệ người dân tham gia BHYT/tổng dân số" : "Nhóm tham gia BHYT theo hộ gia đình",
        };

    private static AnomalyRow Flag(string kind, string measure, string period, int year, int month) =>
        new(1, DateTime.UtcNow, kind, "unit", "68", "68", null, null, period, measure, null, null, null, "high", "coverage.x", "…", "open", null, null, null)
        { PeriodStart = new DateTime(year, month, 1) };

    [Fact]
    public void Build_a_mapped_pre2025_month_is_not_the_previous_period_of_the_2025_units_own_first_month()
    {
        var detail = CoverageBand.Build(Flag(AnomalyKinds.CoverageDrop, "cov_rate", "2025-08", 2025, 8),
            [Month("cov_rate", 2025, 5, 93.0, mapped: true), Month("cov_rate", 2025, 6, 93.4, mapped: true), Month("cov_rate", 2025, 7, 90.1), Month("cov_rate", 2025, 8, 86.0)],
            CoverageThresholds.Default);

        Assert.Equal([null, 93.0, null, 90.1], detail.Points.Select(p => p.Expected));
        Assert.Equal(90.1 - CoverageThresholds.Default.DropThreshold("month"), detail.Points[3].Lower);
        Assert.True(detail.Points[3].Flagged);
        Assert.Equal("Tỷ lệ người dân tham gia BHYT/tổng dân số", detail.ValueName);
    }

    [Fact]
    public void Build_a_group_collapse_band_runs_from_the_previous_count_down_by_the_collapse_share_and_below_target_from_the_target()
    {
        var collapse = CoverageBand.Build(Flag(AnomalyKinds.GroupCollapse, "grp_household", "2021-07", 2021, 7),
            [Month("grp_household", 2021, 6, 30_000), Month("grp_household", 2021, 7, 18_110)], CoverageThresholds.Default);
        var below = CoverageBand.Build(Flag(AnomalyKinds.BelowTarget, "cov_rate", "2021-07", 2021, 7),
            [Month("cov_rate", 2021, 6, 91.0, 92.0), Month("cov_rate", 2021, 7, 87.0, 92.0)], CoverageThresholds.Default);

        var fall = CoverageThresholds.Default.GroupFallPercent / 100;
        Assert.Equal((30_000d, 30_000 * (1 - fall), 30_000d), (collapse.Points[1].Expected!.Value, collapse.Points[1].Lower!.Value, collapse.Points[1].Upper!.Value));
        Assert.Equal("number", collapse.Unit);
        Assert.Equal("Nhóm tham gia BHYT theo hộ gia đình", collapse.ValueName);
        Assert.Equal((92d, 92 - CoverageThresholds.Default.BelowTargetPoints, 92d), (below.Points[1].Expected!.Value, below.Points[1].Lower!.Value, below.Points[1].Upper!.Value));
        Assert.Equal(92d, below.Points[1].Target);
    }
}
