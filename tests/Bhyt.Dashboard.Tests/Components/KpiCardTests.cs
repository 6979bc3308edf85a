using Bunit;
using Bhyt.Dashboard.Components.Shared;

namespace Bhyt.Dashboard.Tests.Components;

public sealed class KpiCardTests : BunitContext
{
    [Fact]
    public void A_rate_shows_vietnamese_decimals_and_the_change_in_points()
    {
        var card = Render<KpiCard>(p => p.Add(c => c.Code, "cov_rate").Add(c => c.Title, "Tỷ lệ bao phủ").Add(c => c.Unit, "percent")
            .Add(c => c.Year, 2024).Add(c => c.Value, 93.35).Add(c => c.Previous, 92.04).Add(c => c.Target, 94.1));

        Assert.Equal("93,35 %", card.Find(".kpi-value").TextContent);
        Assert.Equal("+1,31 điểm % so với năm 2023", card.Find(".kpi-change").TextContent);
        Assert.Contains("up", card.Find(".kpi-change").ClassList);
        Assert.Equal("Chỉ tiêu: 94,10 %", card.Find(".kpi-target").TextContent);
    }

    [Fact]
    public void A_count_groups_thousands_with_dots_and_a_missing_value_says_so()
    {
        var card = Render<KpiCard>(p => p.Add(c => c.Code, "cov_participants").Add(c => c.Title, "Người tham gia").Add(c => c.Year, 2024)
            .Add(c => c.Value, 93_600_000d).Add(c => c.Previous, null));
        Assert.Equal("93.600.000", card.Find(".kpi-value").TextContent);
        Assert.Equal("Không có số liệu năm 2023 để so sánh", card.Find(".kpi-change").TextContent);

        var empty = Render<KpiCard>(p => p.Add(c => c.Code, "kcb_visits").Add(c => c.Title, "Lượt KCB").Add(c => c.Year, 2024));
        Assert.Equal("—", empty.Find(".kpi-value").TextContent);
        Assert.Equal("Chưa có số liệu năm 2024", empty.Find(".kpi-change").TextContent);
    }

    [Fact]
    public void Spending_above_the_previous_year_is_marked_as_bad_news()
    {
        var card = Render<KpiCard>(p => p.Add(c => c.Code, "fund_spending_vs_budget").Add(c => c.Title, "Chi so với dự toán").Add(c => c.Unit, "percent")
            .Add(c => c.Year, 2024).Add(c => c.Value, 104.2).Add(c => c.Previous, 98.0).Add(c => c.HigherIsWorse, true));
        Assert.Contains("down", card.Find(".kpi-change").ClassList);
    }
}
