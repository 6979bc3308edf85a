using Bhyt.Etl.Detection.Claims;

namespace Bhyt.Tests.Etl.Detection.Claims;

/// <summary>Reading a rules file: the optional <c>min_ratio</c> column keeps older files valid.</summary>
public class ClaimRuleTests
{
    private const string Header = "code,kind,threshold,min_peers,severity,reason";

    [Fact]
    public void Read_file_without_min_ratio_gives_ratio_one()
    {
        var rules = ClaimRule.Read(new StringReader($"{Header}\nC5,claim_cost_outlier,5,30,medium,\"{{claim}}\"\n"), "old.csv");

        Assert.Equal((5.0, 30, 1.0), (rules[0].Threshold, rules[0].MinPeers, rules[0].MinRatio));
    }

    [Fact]
    public void Read_min_ratio_column_in_any_position_sets_it_and_blank_means_one()
    {
        var rules = ClaimRule.Read(new StringReader($"code,min_ratio,kind,threshold,min_peers,severity,reason\n" +
            "C5,2.5,claim_cost_outlier,5,30,medium,r\nV20,,card_overuse,20,,medium,r\n"), "new.csv");

        Assert.Equal([2.5, 1.0], rules.Select(r => r.MinRatio));
    }

    [Fact]
    public void Read_min_ratio_below_one_is_refused_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() =>
            ClaimRule.Read(new StringReader($"{Header},min_ratio\nC5,claim_cost_outlier,5,30,medium,r,0.5\n"), "r.csv"));

        Assert.Contains("r.csv, dòng 2", error.Message);
        Assert.Contains("min_ratio", error.Message);
    }

    [Fact]
    public void Defaults_cost_rules_require_three_times_the_median()
    {
        Assert.All(ClaimRule.Defaults().Where(r => r.Kind == "claim_cost_outlier"), r => Assert.Equal(3.0, r.MinRatio));
        Assert.All(ClaimRule.Defaults().Where(r => r.Kind != "claim_cost_outlier"), r => Assert.Equal(1.0, r.MinRatio));
    }

    [Fact]
    public void Read_rows_that_stop_before_the_trailing_min_ratio_column_give_ratio_one()
    {
        var rules = ClaimRule.Read(new StringReader($"{Header},min_ratio\nV20,card_overuse,20,,medium,r\nC5,claim_cost_outlier,5,30,medium,r,4\n"), "r.csv");

        Assert.Equal([("V20", 1.0), ("C5", 4.0)], rules.Select(r => (r.Code, r.MinRatio)));
    }
}
