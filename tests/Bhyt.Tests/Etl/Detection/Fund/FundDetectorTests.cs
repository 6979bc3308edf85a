using static Bhyt.Tests.Support.SubmissionRows;
using System.Globalization;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Fund;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Detection.Fund;

/// <summary>
/// The fund detector on real DuckDB warehouses loaded through the import path. Spending is seasonal (heavier in the
/// first months): a linear pace would cry overrun early in the year; the shape of the earlier years does not.
/// </summary>
public sealed class FundDetectorTests
{

    /// <summary>Share of the year's spending per month: the first months heavier.</summary>
    private static readonly double[] Season = [0.095, 0.09, 0.09, 0.085, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08];

    private static async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        return await new FundDetector().DetectAsync(new DetectionContext(warehouse.Engine, connection, null, null), CancellationToken.None);
    }

    /// <summary>A province-year of monthly spending (annual × season × factor × small wobble) and revenue on plan; the budget as one yearly figure.</summary>
    private static IEnumerable<string> Year(string province, int year, double annualBudget, double factor, int months = 12)
    {
        for (var m = 1; m <= months; m++)
        {
            var wobble = 1 + 0.01 * ((m * 7 + year) % 5 - 2);
            yield return Row(province, $"{year}-{m:D2}", "fund_kcb_spending", annualBudget * Season[m - 1] * factor * wobble);
            yield return Row(province, $"{year}-{m:D2}", "fund_revenue", annualBudget * 1.1 / 12 * wobble);
            yield return Row(province, $"{year}-{m:D2}", "fund_revenue_plan", annualBudget * 1.1 / 12);
        }
        yield return Row(province, $"{year}", "fund_kcb_budget", annualBudget);
    }

    private static string Row(string province, string period, string indicator, double millions) =>
        $"{province},,{period},{indicator},{millions.ToString("F1", CultureInfo.InvariantCulture)},";

    [Fact]
    public async Task DetectAsync_overrun_against_the_seasonal_history_is_flagged_in_the_month_it_first_shows()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // Bắc Giang (24): on pace in 2022 and 2023, then 2024 runs 12 % above the same shape; Bắc Ninh (27): on pace every year.
        await ImportAsync(warehouse, new[]
        {
            Year("24", 2022, 4_500_000, 0.97), Year("24", 2023, 4_800_000, 0.98), Year("24", 2024, 5_108_000, 1.12, months: 7),
            Year("27", 2022, 3_000_000, 0.98), Year("27", 2023, 3_200_000, 0.99), Year("27", 2024, 3_400_000, 1.0, months: 7),
        }.SelectMany(r => r));

        var finding = Assert.Single(await DetectAsync(warehouse));

        Assert.Equal((AnomalyKinds.SpendingAheadOfBudget, "fund", "24", "24", "2024-02", "fund_kcb_spending"),
            (finding.Kind, finding.SubjectKind, finding.SubjectCode, finding.UnitCode, finding.PeriodLabel, finding.Measure));
        Assert.Equal(5_108_000, finding.Expected);
        Assert.InRange(finding.Score!.Value, 12, 16); // ≈ 1.12 / 0.975 (the history ran a little under its budgets)
        Assert.Equal(AnomalyFinding.Medium, finding.Severity);
        Assert.Equal("fund.seasonal_projection(2022,2023)", finding.Method);
        Assert.Matches(@"^Dự kiến chi KCB cả năm 2024 của Tỉnh Bắc Giang là 5\.\d{3} tỷ đồng, vượt dự toán \d{3} tỷ đồng \(1\d,\d %\): đến hết tháng 02/2024 đã chi", finding.Explanation);
        Assert.Contains("theo nhịp các năm 2022, 2023 đến tháng này thường chi 18,", finding.Explanation);
    }

    [Fact]
    public async Task DetectAsync_front_loaded_first_year_is_not_projected_linearly_before_mid_year_and_a_revenue_shortfall_is_flagged()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // One year only, spending on budget but front-loaded (18,5 % by February against a linear 16,7 %: +11 %, a false
        // overrun were a linear projection trusted that early)…
        await ImportAsync(warehouse, Year("27", 2024, 3_000_000, 1.0, months: 4));
        // …and Vĩnh Phúc (26) collecting 80 % of its plan's pace from March.
        var plan = 2_400_000.0;
        await ImportAsync(warehouse, Enumerable.Range(1, 6).SelectMany(m => new[]
        {
            Row("26", $"2024-{m:D2}", "fund_revenue", plan / 12 * (m < 3 ? 1.0 : 0.8)), Row("26", $"2024-{m:D2}", "fund_revenue_plan", plan / 12),
        }));

        var finding = Assert.Single(await DetectAsync(warehouse));

        Assert.Equal((AnomalyKinds.RevenueBehindPlan, "26", "2024-06", "fund.linear_projection"), (finding.Kind, finding.SubjectCode, finding.PeriodLabel, finding.Method));
        Assert.Equal(13.33, finding.Score!.Value, 2);
        Assert.StartsWith("Dự kiến thu BHYT cả năm 2024 của Tỉnh Vĩnh Phúc là 2.080 tỷ đồng, thấp hơn kế hoạch 320 tỷ đồng (13,3 %): đến hết tháng 06/2024 đã thu 1.040 tỷ đồng", finding.Explanation);
    }

    [Fact]
    public async Task DetectAsync_two_slow_first_months_are_not_a_projected_overrun_but_a_sustained_one_is()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // Bắc Giang (24) spends 6 % above its shape in January and February 2024 only (a projection from two months errs
        // that much); Bắc Ninh (27) spends 8 % above it all year.
        var bacGiang2024 = Year("24", 2024, 5_000_000, 1.0).Select((row, i) => i < 6 && row.Contains("fund_kcb_spending") ? Scaled(row, 1.06) : row);
        await ImportAsync(warehouse, new[]
        {
            Year("24", 2022, 4_500_000, 1.0), Year("24", 2023, 4_800_000, 1.0), bacGiang2024,
            Year("27", 2022, 3_000_000, 1.0), Year("27", 2023, 3_200_000, 1.0), Year("27", 2024, 3_400_000, 1.08),
        }.SelectMany(r => r));

        var findings = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.SpendingAheadOfBudget).ToList();

        var overrun = Assert.Single(findings);
        Assert.Equal("27", overrun.SubjectCode);
    }

    [Fact]
    public async Task DetectAsync_year_that_missed_its_budget_is_not_the_template_of_the_usual_pace()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // 2023 overran from July (a planted-like second half): had it shaped the pace, 2024's ordinary first half would
        // look slow and its ordinary year end an overrun against the distorted shape.
        var overrun2023 = Year("24", 2023, 4_800_000, 1.0).Select((row, i) => i >= 18 && row.Contains("fund_kcb_spending") ? Scaled(row, 1.4) : row);
        await ImportAsync(warehouse, new[] { Year("24", 2022, 4_500_000, 1.0), overrun2023, Year("24", 2024, 5_000_000, 1.0) }.SelectMany(r => r));

        var findings = await DetectAsync(warehouse);

        Assert.DoesNotContain(findings, f => f.PeriodStart!.Value.Year == 2024);
        Assert.Contains(findings, f => f.Kind == AnomalyKinds.SpendingAheadOfBudget && f.PeriodStart!.Value.Year == 2023);
    }

    private static string Scaled(string row, double factor)
    {
        var parts = row.Split(',');
        parts[4] = (double.Parse(parts[4], CultureInfo.InvariantCulture) * factor).ToString("F1", CultureInfo.InvariantCulture);
        return string.Join(',', parts);
    }
}
