using Bunit;
using Bhyt.Dashboard.Charts;
using Bhyt.Dashboard.Components.Shared;
using Bhyt.Warehouse.Queries;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Bhyt.Dashboard.Tests.Components;

public sealed class TrendChartTests : BunitContext
{
    public TrendChartTests()
    {
        Services.AddRadzenComponents();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Without_figures_the_chart_says_so_instead_of_drawing_zeros()
    {
        var chart = Render<TrendChart>(p => p.Add(c => c.Title, "Tỷ lệ bao phủ").Add(c => c.Segments, Array.Empty<ChartSegment>()));
        Assert.Equal("Chưa có số liệu cho khoảng thời gian đã chọn.", chart.Find("p.empty").TextContent);
        Assert.Empty(chart.FindAll("svg"));
    }

    [Fact]
    public void The_legend_lists_each_series_once_however_many_pieces_its_line_has()
    {
        var figures = new[] { Year(2018, 80), Year(2019, 82), Year(2021, 85), Range(2015, 2019, 81) };
        var segments = SeriesBuilder.Segments("Báo cáo", "#0b5394", false, figures)
            .Concat(SeriesBuilder.Segments("Chỉ tiêu", "#cc0000", true, [Year(2020, 90) with { Kind = "target" }])).ToList();
        var chart = Render<ChartLegend>(p => p.Add(c => c.Segments, segments));
        Assert.Equal(4, segments.Count);
        Assert.Equal(["Báo cáo", "Chỉ tiêu"], chart.FindAll("ul.legend li").Select(li => li.TextContent).ToArray());
        Assert.Single(chart.FindAll("ul.legend .swatch.dashed"));
    }

    private static IndicatorValue Year(int year, double value) => new("cov_rate", year.ToString(), new DateTime(year, 1, 1), new DateTime(year, 12, 31), "year", value, "actual", "submission");

    private static IndicatorValue Range(int from, int to, double value) => new("cov_rate", $"{from}-{to}", new DateTime(from, 1, 1), new DateTime(to, 12, 31), "range", value, "actual", "submission");

    [Fact]
    public void A_note_under_the_chart_is_shown()
    {
        var chart = Render<TrendChart>(p => p.Add(c => c.Title, "Lượt KCB").Add(c => c.Segments, Array.Empty<ChartSegment>()).Add(c => c.Note, "Ghi chú"));
        Assert.Equal("Ghi chú", chart.Find("p.note").TextContent);
        Assert.Equal("Lượt KCB", chart.Find("figcaption").TextContent);
    }
}
