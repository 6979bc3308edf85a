using Bhyt.Dashboard.Charts;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard.Tests.Components;

public sealed class SeriesBuilderTests
{
    [Fact]
    public void Consecutive_years_join_a_gap_breaks_and_a_range_is_a_flat_span_over_its_whole_period()
    {
        var figures = new[]
        {
            Figure(2009, 2009, 58.2), Figure(2010, 2010, 60.0), Figure(2012, 2012, 68.0),
            Figure(2015, 2019, 81.3), // one figure for the whole 2015–2019 period
            Figure(2013, 2013, 70.0, "monthly-ignored", month: true),
        };
        var segments = SeriesBuilder.Segments("Báo cáo", "#000", false, figures).ToList();

        Assert.Equal(3, segments.Count);
        Assert.Equal([2009, 2010], segments[0].Points.Select(p => p.X.Year));
        Assert.Equal([2012], segments[1].Points.Select(p => p.X.Year));
        var span = segments[2].Points;
        Assert.Equal((new DateTime(2015, 1, 1), new DateTime(2019, 12, 31)), (span[0].X, span[1].X));
        Assert.All(span, p => Assert.Equal(81.3, p.Y));
        Assert.Equal("2015–2019 · theo báo cáo", span[0].Label);
        Assert.True(segments[0].InLegend);
        Assert.False(segments[2].InLegend);
    }

    [Fact]
    public void Period_shapes_are_the_warehouse_period_kinds()
    {
        Assert.Equal(PeriodShape.Year, IndicatorValue.ShapeOf("year"));
        Assert.Equal(PeriodShape.Month, IndicatorValue.ShapeOf("month"));
        Assert.Equal(PeriodShape.Quarter, IndicatorValue.ShapeOf("quarter"));
        Assert.Equal(PeriodShape.Range, IndicatorValue.ShapeOf("range"));
        Assert.Equal(PeriodShape.Date, IndicatorValue.ShapeOf("date"));
    }

    [Fact]
    public void A_derived_figure_is_labelled_with_its_derivation_never_as_reported()
    {
        var mapped = Figure(2020, 2020, 91.5) with { Source = "derived", SourceRef = "map2025+ratio", DerivedFrom = "reported" };
        var ratio = Figure(2021, 2021, 97.1) with { Source = "derived", SourceRef = "ratio", DerivedFrom = "reported" };

        Assert.Equal("Năm 2020 · quy đổi từ đơn vị cũ, tính tỷ lệ", SeriesBuilder.Label(mapped));
        Assert.Equal("Năm 2021 · tính từ số liệu báo cáo", SeriesBuilder.Label(ratio));
        Assert.Equal("Năm 2009 · theo báo cáo", SeriesBuilder.Label(Figure(2009, 2009, 58.2)));
    }

    private static IndicatorValue Figure(int from, int to, double value, string label = "", bool month = false) =>
        new("cov_rate", label, new DateTime(from, month ? 3 : 1, 1), month ? new DateTime(from, 3, 31) : new DateTime(to, 12, 31),
            month ? "month" : from == to ? "year" : "range", value, "actual", "submission");
}
