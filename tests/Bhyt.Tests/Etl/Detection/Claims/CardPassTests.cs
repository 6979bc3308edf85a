using Bhyt.Etl.Detection;
using static Bhyt.Tests.Etl.Detection.Claims.ClaimFixtures;

namespace Bhyt.Tests.Etl.Detection.Claims;

/// <summary>The card rules (same-day exams, overlapping stays, visits a month) as the one ordered pass over claims sees them.</summary>
public class CardPassTests
{
    [Fact]
    public async Task DetectAsync_exams_at_three_facilities_one_day_take_the_stronger_rule_for_every_claim()
    {
        await using var warehouse = await WarehouseWithAsync([
            Claim("K1", "GD4010000000011", "68002", 1, "202409020730", "202409020800", 0, 45000),
            Claim("K2", "GD4010000000011", "68003", 1, "202409021000", "202409021030", 0, 120000),
            Claim("K3", "GD4010000000011", "68001", 2, "202409021500", "202409021600", 0, 350000),
            Claim("K4", "GD4010000000011", "68001", 1, "202409031500", "202409031600", 0, 300000),  // the next day: not part of it
            Claim("R1", "GD4010000000012", "68002", 1, "202409020730", "202409020800", 0, 45000),   // referred on, but the next day
            Claim("R2", "GD4010000000012", "68003", 1, "202409030900", "202409030930", 0, 120000),
        ]);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.DuplicateClaim).OrderBy(f => f.ClaimId).ToList();

        Assert.Equal(["K1", "K2", "K3"], found.Select(f => f.ClaimId));
        Assert.All(found, f => Assert.Equal(("DUP_XFAC_DAY_3", "high", 3.0), (f.Method, f.Severity, f.Value!.Value)));
        Assert.Contains("khám tại 3 cơ sở 68001, 68002 và 68003 trong cùng ngày 02/09/2024", found[0].Explanation);
    }

    [Fact]
    public async Task DetectAsync_a_long_stay_spanning_two_stays_elsewhere_flags_all_three_but_not_the_stays_between_themselves()
    {
        await using var warehouse = await WarehouseWithAsync([
            Claim("A", "GD4010000000021", "68001", 3, "202410010800", "202410200900", 20, 20_000_000),  // 1–20 Oct
            Claim("B", "GD4010000000021", "68003", 3, "202410050800", "202410080900", 4, 3_000_000),    // 5–8 Oct, inside A
            Claim("C", "GD4010000000021", "68004", 3, "202410120800", "202410150900", 4, 9_000_000),    // 12–15 Oct, inside A
            Claim("E", "GD4010000000021", "68002", 1, "202410100800", "202410100900", 0, 60000),        // an exam during A: not a stay
            Claim("P", "GD4010000000022", "68001", 3, "202410010800", "202410050900", 5, 5_000_000),    // transfer: out the day the next begins
            Claim("Q", "GD4010000000022", "68004", 3, "202410050800", "202410120900", 8, 12_000_000),
        ]);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.OverlappingStay).ToDictionary(f => f.ClaimId!);

        Assert.Equal(["A", "B", "C"], found.Keys.Order());
        Assert.Equal((3.0, 3.0), (found["B"].Value!.Value, found["C"].Value!.Value));
        Assert.Contains("hồ sơ B", found["A"].Explanation);   // A's longest overlap is B (3 days, tied with C, then by claim id)
        Assert.Contains("trùng 3 ngày với đợt nội trú tại 68001 (01/10/2024–20/10/2024, hồ sơ A)", found["C"].Explanation);
    }

    [Fact]
    public async Task DetectAsync_visits_crowded_across_a_month_boundary_are_not_a_month_of_overuse()
    {
        var claims = new List<string>();
        for (var d = 0; d < 24; d++)   // 12 visits from 20 May, 12 until 12 June: 24 in 24 days, never 20 in one month
        {
            var day = new DateTime(2024, 5, 20).AddDays(d).ToString("yyyyMMdd");
            claims.Add(Claim($"B{d:00}", "GD4010000000031", "68002", 1, day + "0800", day + "0830", 0, 45000));
        }
        for (var d = 1; d <= 31; d++)  // every day of July, at the commune station and twice a week the district hospital
            claims.Add(Claim($"J{d:00}", "GD4010000000032", d % 4 == 0 ? "68003" : "68002", 1, $"202407{d:00}0800", $"202407{d:00}0830", 0, 45000));
        await using var warehouse = await WarehouseWithAsync(claims);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.CardOveruse).ToList();

        var card = Assert.Single(found);
        Assert.Equal((await PseudonymAsync(warehouse, "J01"), "2024-07", "CARD_VISITS_31", "high", 31.0),
            (card.SubjectCode, card.PeriodLabel, card.Method, card.Severity, card.Value!.Value));
        Assert.Contains("có 31 lượt KCB trong tháng 07/2024 tại 2 cơ sở, nhiều nhất ở 68002 (24 lượt)", card.Explanation);
    }
}
