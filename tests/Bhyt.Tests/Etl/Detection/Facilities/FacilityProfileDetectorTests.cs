using System.Text.RegularExpressions;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Facilities;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Detection.Facilities;

public class FacilityProfileDetectorTests
{
    private static async Task<List<AnomalyFinding>> DetectAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        return (await new FacilityProfileDetector().DetectAsync(new DetectionContext(warehouse.Engine, connection, null, null), CancellationToken.None)).ToList();
    }

    private static bool In(DateTime month, string from, string to) =>
        month >= DateTime.Parse(from + "-01") && month <= DateTime.Parse(to + "-01");

    [Fact]
    public async Task DetectAsync_cost_jump_lasting_three_months_flags_each_month_once_naming_cost_and_drug_share()
    {
        // 68003 (huyện C): exam cost ×1.7 and drug share 34 % → 50 % from 2023-09 to 2023-11, then back to normal.
        await using var warehouse = await FacilityClaims.WarehouseAsync((facility, month) =>
            facility == "68003" && In(month, "2023-09", "2023-11") && FacilityClaims.Ordinary(facility, month) is { } p
                ? p with { ExamCost = 1.7 * p.ExamCost, StayCost = 1.7 * p.StayCost, DrugShare = 0.50 } : null);

        var found = await DetectAsync(warehouse);

        Assert.Equal([("68003", "2023-09"), ("68003", "2023-10"), ("68003", "2023-11")], found.Select(f => (f.SubjectCode, f.PeriodLabel)));
        var first = found[0];
        Assert.Equal((AnomalyKinds.FacilityCostJump, "facility", "68003", "673", "outpatient_typical_cost"),
            (first.Kind, first.SubjectKind, first.FacilityCode, first.UnitCode, first.Measure));
        Assert.InRange(first.Value!.Value / first.Expected!.Value, 1.4, 2.1);
        Assert.StartsWith("Chi phí điển hình/lượt khám, điều trị ngoại trú của Trung tâm y tế huyện C (68003) tháng 9/2023 là ", first.Explanation);
        Assert.Contains("lần trung vị các cơ sở cùng tuyến 3, công lập", first.Explanation);
        Assert.True(Regex.IsMatch(first.Explanation, @"; do tỷ lệ thuốc tăng từ 3\d % lên (49|50|51) %"), first.Explanation);
        // The model names the planted features among its top contributors to the residual.
        Assert.True(Regex.IsMatch(first.Explanation, @"lệch nhiều nhất ở (.* và )?(tỷ lệ thuốc|chi phí điển hình/lượt khám, điều trị ngoại trú|chi phí điển hình/đợt điều trị nội trú) \(\d+ %\)"), first.Explanation);
        Assert.Contains(first.Severity, new[] { AnomalyFinding.High, AnomalyFinding.Medium });
    }

    [Fact]
    public async Task DetectAsync_small_centre_billing_a_third_more_for_four_months_is_found_by_its_case_mix_cost_index()
    {
        // 68004 is a small centre (14 exams and 2 stays a month, costs spread ×/÷ 1,65): from 2023-06 to 2023-09 it bills
        // everything 1,6 times, four months running.
        static MonthPlan Small(MonthPlan p, double factor) => p with { Exams = 14, Stays = 2, ExamCost = factor * p.ExamCost, StayCost = factor * p.StayCost };
        await using var warehouse = await FacilityClaims.WarehouseAsync((facility, month) =>
            facility == "68004" && FacilityClaims.Ordinary(facility, month) is { } p ? Small(p, In(month, "2023-06", "2023-09") ? 1.6 : 1) : null);

        var found = await DetectAsync(warehouse);

        Assert.Contains(found, f => f.SubjectCode == "68004" && In(f.PeriodStart!.Value.ToDateTime(TimeOnly.MinValue), "2023-06", "2023-09"));
        Assert.DoesNotContain(found, f => f.SubjectCode != "68004" || !In(f.PeriodStart!.Value.ToDateTime(TimeOnly.MinValue), "2023-06", "2023-10"));
        if (found.FirstOrDefault(f => f.Measure == "case_mix_cost_index") is { } index)
            Assert.Matches(@"^Chi phí/lượt so với hồ sơ cùng tuyến, cùng loại, cùng số ngày điều trị của Trung tâm y tế huyện D \(68004\) tháng \d+/2023 là \d,\d\d lần trung vị cùng loại, cao hơn \d+ %", index.Explanation);
    }

    [Fact]
    public async Task DetectAsync_drug_share_jump_at_unchanged_cost_is_flagged_on_the_drug_share()
    {
        // 68002 (huyện B) bills the same amounts but 52 % of them as drugs, March to May 2024.
        await using var warehouse = await FacilityClaims.WarehouseAsync((facility, month) =>
            facility == "68002" && In(month, "2024-03", "2024-05") && FacilityClaims.Ordinary(facility, month) is { } p
                ? p with { DrugShare = 0.52 } : null);

        var found = await DetectAsync(warehouse);

        Assert.Equal([("68002", "2024-03"), ("68002", "2024-04"), ("68002", "2024-05")], found.Select(f => (f.SubjectCode, f.PeriodLabel)));
        Assert.All(found, f => Assert.Equal("drug_share", f.Measure));
        Assert.Matches(@"^Tỷ lệ thuốc của Trung tâm y tế huyện B \(68002\) tháng 3/2024 là 5\d %, cao hơn 1\d điểm % so với cùng kỳ", found[0].Explanation);
    }

    [Fact]
    public async Task DetectAsync_seasonal_peak_every_facility_shares_is_not_flagged()
    {
        // An epidemic July 2023: every facility (the private clinic too) costs ×1.5 more than its usual July and sees more stays.
        await using var warehouse = await FacilityClaims.WarehouseAsync((facility, month) =>
            month == new DateTime(2023, 7, 1) && FacilityClaims.Ordinary(facility, month) is { } p
                ? p with { ExamCost = 1.5 * p.ExamCost, StayCost = 1.5 * p.StayCost, Stays = 2 * p.Stays, DrugShare = 0.45 } : null);

        var found = await DetectAsync(warehouse);

        Assert.Empty(found);
    }

    [Fact]
    public async Task DetectAsync_facility_own_july_peak_every_year_is_expected_once_a_july_is_in_its_history()
    {
        // 68001 (a tourist district) costs ×1.45 more every July, its peers do not; the first July has no July before it.
        await using var warehouse = await FacilityClaims.WarehouseAsync((facility, month) =>
            facility == "68001" && month.Month == 7 && FacilityClaims.Ordinary(facility, month) is { } p
                ? p with { ExamCost = 1.45 * p.ExamCost, StayCost = 1.45 * p.StayCost } : null);

        var found = await DetectAsync(warehouse);

        Assert.DoesNotContain(found, f => f.PeriodLabel is "2023-07" or "2024-07");
    }

    [Fact]
    public async Task DetectAsync_new_facility_ramp_up_and_closing_facility_run_down_are_not_flagged()
    {
        // 68009 opens in 2023-03: few patients at first, expensive and drug-heavy, settling over its first year.
        // 68006 runs down from 2024-05 (fewer, sicker patients, dearer) and closes after 2024-08.
        await using var warehouse = await FacilityClaims.WarehouseAsync((facility, month) =>
        {
            var k = (month.Year - 2023) * 12 + month.Month - 3;
            if (facility == "68009" && k >= 0)
                return new MonthPlan(Math.Min(200, 30 + 25 * k), Math.Min(18, 2 + 2 * k), 240_000 * Math.Max(1, 1.8 - 0.08 * k),
                    3_000_000 * Math.Max(1, 1.6 - 0.06 * k), DrugShare: Math.Max(0.34, 0.55 - 0.02 * k));
            if (facility == "68006" && month >= new DateTime(2024, 5, 1))
            {
                var left = (month.Year - 2024) * 12 + month.Month - 4;
                return left > 4 || FacilityClaims.Ordinary(facility, month) is not { } p ? new MonthPlan(0, 0, 0, 0)
                    : p with { Exams = p.Exams * (5 - left) / 6, ExamCost = p.ExamCost * (1 + 0.25 * left), StayCost = p.StayCost * (1 + 0.2 * left), DrugShare = 0.34 + 0.05 * left };
            }
            return null;
        });

        var found = await DetectAsync(warehouse);

        Assert.Empty(found);
    }

    [Fact]
    public async Task DetectAsync_tiny_facility_with_erratic_costs_is_not_flagged()
    {
        // 68009: a handful of claims a month whose mean cost swings from ×0.5 to ×3.
        await using var warehouse = await FacilityClaims.WarehouseAsync((facility, month) =>
            facility == "68009" ? new MonthPlan(12 + month.Month % 5, month.Month % 3, 240_000 * (0.5 + 2.5 * ((month.Month * 7 + month.Year) % 11) / 10.0), 3_000_000) : null);

        var found = await DetectAsync(warehouse);

        Assert.Empty(found);
    }

    [Fact]
    public async Task DetectAsync_run_twice_returns_the_same_findings_and_scores()
    {
        await using var warehouse = await FacilityClaims.WarehouseAsync((facility, month) =>
            facility == "68004" && month == new DateTime(2024, 2, 1) && FacilityClaims.Ordinary(facility, month) is { } p
                ? p with { ExamCost = 2 * p.ExamCost, SuppliesShare = 0.25 } : null);

        var first = await DetectAsync(warehouse);
        var second = await DetectAsync(warehouse);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }
}
