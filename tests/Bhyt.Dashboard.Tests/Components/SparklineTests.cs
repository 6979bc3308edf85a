using Bunit;
using Bhyt.Dashboard.Components.Shared;

namespace Bhyt.Dashboard.Tests.Components;

public sealed class SparklineTests : BunitContext
{
    [Fact]
    public void A_missing_year_breaks_the_line_instead_of_dropping_to_zero()
    {
        var values = new Dictionary<int, double> { [2018] = 80, [2019] = 82, [2021] = 85, [2022] = 86, [2023] = 88 };
        var line = Render<Sparkline>(p => p.Add(s => s.Values, values).Add(s => s.From, 2018).Add(s => s.To, 2023));

        var polylines = line.FindAll("polyline");
        Assert.Equal(2, polylines.Count);
        Assert.Equal(2, polylines[0].GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(3, polylines[1].GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(5, line.FindAll("circle").Count);
        // The lowest value sits at the bottom of the box, the highest at the top; nothing is drawn at a zero line.
        var ys = line.FindAll("circle").Select(c => double.Parse(c.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(26, ys.Max(), 1);
        Assert.Equal(2, ys.Min(), 1);
    }

    [Fact]
    public void No_values_draw_nothing()
    {
        var line = Render<Sparkline>(p => p.Add(s => s.Values, new Dictionary<int, double>()));
        Assert.Empty(line.FindAll("polyline"));
        Assert.Empty(line.FindAll("circle"));
    }
}
