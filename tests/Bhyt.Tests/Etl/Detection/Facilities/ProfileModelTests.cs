using Bhyt.Etl.Detection.Facilities;

namespace Bhyt.Tests.Etl.Detection.Facilities;

public class ProfileModelTests
{
    private static async Task<IReadOnlyList<ProfiledMonth>> MonthsAsync(FacilityClaims.Plan plan)
    {
        await using var warehouse = await FacilityClaims.WarehouseAsync(plan);
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        var rows = await FacilityMonthStore.LoadAsync(warehouse.Engine, connection, CancellationToken.None);
        return new FacilityProfiles(FacilityThresholds.Default).Build(rows);
    }

    [Fact]
    public async Task Score_residual_shares_sum_to_one_and_the_planted_feature_leads_the_jump_month()
    {
        // 68005 bills 55 % of its costs as supplies in 2024-06 (usually 10 %).
        var months = await MonthsAsync((facility, month) =>
            facility == "68005" && month == new DateTime(2024, 6, 1) && FacilityClaims.Ordinary(facility, month) is { } p
                ? p with { SuppliesShare = 0.55 } : null);

        var model = ProfileModel.Train(months, FacilityThresholds.Default)!;
        var scores = months.Select(m => (m, Score: model.Score(m, FacilityThresholds.Default))).ToList();

        Assert.All(scores, s => Assert.Equal(1.0, s.Score.Shares.Sum(x => x.Share), 9));
        var planted = scores.Single(s => s.m.Month.facility_code == "68005" && s.m.Month.period_label == "2024-06").Score;
        Assert.Equal("supplies_share", planted.Shares[0].Feature.Code);
        Assert.True(planted.Shares[0].Share > 0.5, $"share {planted.Shares[0].Share}");
        Assert.Equal(scores.Max(s => s.Score.Score), planted.Score);
    }

    [Fact]
    public async Task Train_twice_on_the_same_months_gives_identical_scores()
    {
        var months = await MonthsAsync((_, _) => null);

        var first = ProfileModel.Train(months, FacilityThresholds.Default)!;
        var second = ProfileModel.Train(months, FacilityThresholds.Default)!;

        Assert.Equal(months.Select(m => first.Score(m, FacilityThresholds.Default).Score), months.Select(m => second.Score(m, FacilityThresholds.Default).Score));
    }
}
