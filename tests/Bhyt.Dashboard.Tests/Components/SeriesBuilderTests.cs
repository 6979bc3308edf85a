using Bhyt.Dashboard.Charts;
using Bhyt.Dashboard.Queries;

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
        Assert.Equal("2015–2019 · báo cáo", span[0].Label);
        Assert.True(segments[0].InLegend);
        Assert.False(segments[2].InLegend);
    }

    [Fact]
    public void Period_shapes_are_read_from_the_dates()
    {
        Assert.Equal(PeriodShape.Year, Bhyt.Dashboard.Queries.Figure.ShapeOf(new(2021, 1, 1), new(2021, 12, 31)));
        Assert.Equal(PeriodShape.Month, Bhyt.Dashboard.Queries.Figure.ShapeOf(new(2021, 7, 1), new(2021, 7, 31)));
        Assert.Equal(PeriodShape.Quarter, Bhyt.Dashboard.Queries.Figure.ShapeOf(new(2021, 7, 1), new(2021, 9, 30)));
        Assert.Equal(PeriodShape.Range, Bhyt.Dashboard.Queries.Figure.ShapeOf(new(2009, 1, 1), new(2014, 12, 31)));
        Assert.Equal(PeriodShape.Date, Bhyt.Dashboard.Queries.Figure.ShapeOf(new(2018, 12, 31), new(2018, 12, 31)));
    }

    private static Figure Figure(int from, int to, double value, string label = "", bool month = false) =>
        new("cov_rate", label, new DateTime(from, month ? 3 : 1, 1), month ? new DateTime(from, 3, 31) : new DateTime(to, 12, 31), value, "actual", "submission");
}
