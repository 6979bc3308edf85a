using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Claims;
using static Bhyt.Tests.Etl.Detection.Claims.ClaimFixtures;

namespace Bhyt.Tests.Etl.Detection.Claims;

/// <summary>Cost outliers against tier × visit-type peers: robust score on ln(cost) and the minimum ratio to the median.</summary>
public class CostPeersTests
{
    /// <summary>Commune exams billed at the set fee (38.700 đ) with a few drugs: costs bunched, MAD small.</summary>
    private static IEnumerable<string> BunchedExams()
    {
        var random = new Random(11);
        for (var i = 0; i < 80; i++)
            yield return Claim($"F{i:00}", $"GD40100001{i:00}01", i % 2 == 0 ? "68002" : "68005", 1, "202408050800", "202408050830", 0,
                38_700 + (i % 5 == 0 ? random.Next(0, 12_000) : 0));
    }

    [Fact]
    public async Task DetectAsync_bunched_fee_flags_only_a_claim_beyond_the_minimum_ratio()
    {
        await using var warehouse = await WarehouseWithAsync(BunchedExams().Concat([
            Claim("X2", "GD4010000090001", "68002", 1, "202408060800", "202408060830", 0, 90_000),    // 2,3 × the fee: a few drugs more
            Claim("X9", "GD4010000090002", "68005", 1, "202408060800", "202408060830", 0, 350_000),   // 9 × the fee
        ]));

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.ClaimCostOutlier).ToList();

        var outlier = Assert.Single(found);
        Assert.Equal(("X9", "COST_MAD_8", "high", 38_700.0), (outlier.ClaimId, outlier.Method, outlier.Severity, outlier.Expected!.Value));
        Assert.Contains("chi 350.000 đồng, gấp 9 lần trung vị 38.700 đồng của 82 hồ sơ", outlier.Explanation);
    }

    [Fact]
    public async Task DetectAsync_without_a_minimum_ratio_the_own_facility_spread_still_keeps_the_bunched_fee_s_claims_unflagged()
    {
        await using var warehouse = await WarehouseWithAsync(BunchedExams().Concat([
            Claim("X2", "GD4010000090001", "68002", 1, "202408060800", "202408060830", 0, 90_000),
            Claim("X9", "GD4010000090002", "68005", 1, "202408060800", "202408060830", 0, 350_000),
        ]));
        var rules = ClaimRule.Read(new StringReader("""
            code,kind,threshold,min_peers,severity,reason
            COST_Z5,claim_cost_outlier,5,30,medium,"{claim}: gấp {ratio} lần trung vị, {own_ratio} lần mức của cơ sở."
            """), "rules.csv");

        var found = await DetectAsync(warehouse, rules);

        // Among peers whose MAD is 0 (floored at 0,05) a fee plus a few thousand đồng of drugs is "beyond" them; within each
        // station the drugs make the usual spread, and only X9 is beyond that too.
        Assert.Equal(["X9"], found.Select(f => f.ClaimId));
        Assert.Equal("X9: gấp 9 lần trung vị, 8,8 lần mức của cơ sở.", found[0].Explanation);
    }

    [Fact]
    public async Task DetectAsync_a_stay_is_compared_with_stays_of_about_its_length_where_a_fixed_part_makes_short_stays_dear_per_day()
    {
        var random = new Random(13);
        var claims = new List<string>();
        for (var i = 0; i < 520; i++)   // surgical stays of 2–14 days, 40 of each length: 6 million once plus 0,5 million a day (σ ≈ 0,2)
        {
            var days = 2 + i % 13;
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var admitted = new DateTime(2024, 1 + i % 3, 1 + random.Next(14), 8, 0, 0);
            claims.Add(Claim($"S{i:000}", $"GD401005{i:000}0305", "68001", 3, admitted.ToString("yyyyMMddHHmm"),
                admitted.AddDays(days).ToString("yyyyMMddHHmm"), days, Math.Round((decimal)((6_000 + 500 * days) * Math.Exp(0.2 * z))) * 1000));
        }
        // 14 days at 4 × what such a stay costs: 3,7 million a day — "only" 3 × the per-day median of all lengths, where the
        // two-day stays' 3,5 million a day are ordinary.
        claims.Add(Claim("LATE", "GD4010005900305", "68001", 3, "202402010800", "202402150900", 14, 52_000_000));
        await using var warehouse = await WarehouseWithAsync(claims);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.ClaimCostOutlier).ToList();

        var flagged = Assert.Single(found);
        Assert.Equal("LATE", flagged.ClaimId);
        Assert.Contains("hồ sơ cùng tuyến, cùng loại, cùng thời gian điều trị 8–14 ngày", flagged.Explanation);
        Assert.Contains("mức thường của chính cơ sở trong tháng cho hồ sơ tương tự", flagged.Explanation);
    }

    [Fact]
    public async Task DetectAsync_heavy_tailed_stays_keep_their_costly_but_normal_claims_unflagged()
    {
        var random = new Random(3);
        var claims = new List<string>();
        for (var i = 0; i < 200; i++)   // provincial stays: log-normal around 8 million, σ ≈ 0,8 — some reach 40–60 million
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            claims.Add(Claim($"S{i:000}", $"GD4010000{i:000}301", "68001", 3, "202402050800", "202402120900", 8, Math.Round((decimal)(8e3 * Math.Exp(0.8 * z))) * 1000));
        }
        claims.Add(Claim("SX", "GD4010000099301", "68001", 3, "202402050800", "202402120900", 8, 2_500_000_000));
        await using var warehouse = await WarehouseWithAsync(claims);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.ClaimCostOutlier).ToList();

        Assert.Equal(["SX"], found.Select(f => f.ClaimId));
    }

    [Fact]
    public async Task DetectAsync_stays_are_compared_per_treatment_day_so_a_long_stay_is_normal_and_a_short_one_billed_long_is_not()
    {
        var random = new Random(7);
        var claims = new List<string>();
        for (var i = 0; i < 200; i++)   // district stays of 2–10 days at about 1,2 million a day (log-normal, σ ≈ 0,3)
        {
            var days = 2 + random.Next(9);
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var admitted = new DateTime(2024, 3, 1 + random.Next(15), 8, 0, 0);
            claims.Add(Claim($"S{i:000}", $"GD4010001{i:000}302", "68001", 3, admitted.ToString("yyyyMMddHHmm"),
                admitted.AddDays(days).ToString("yyyyMMddHHmm"), days, Math.Round((decimal)(1.2e3 * days * Math.Exp(0.3 * z))) * 1000));
        }
        claims.Add(Claim("LONG", "GD4010001900302", "68001", 3, "202403010800", "202403310900", 30, 39_000_000));   // 1,3 million a day
        claims.Add(Claim("SHORT", "GD4010001901302", "68001", 3, "202403040800", "202403060900", 2, 30_000_000));  // 15 million a day
        await using var warehouse = await WarehouseWithAsync(claims);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.ClaimCostOutlier).ToList();

        var flagged = Assert.Single(found);
        Assert.Equal("SHORT", flagged.ClaimId);
        Assert.Equal("cost_per_day", flagged.Measure);
        Assert.Equal(15_000_000, flagged.Value);
        Assert.Contains("cho 2 ngày điều trị (15.000.000 đồng/ngày)", flagged.Explanation);
    }

    [Fact]
    public async Task DetectAsync_a_station_billing_its_whole_month_dearer_leaves_its_claims_to_the_facility_profile()
    {
        var random = new Random(11);
        var claims = new List<string>();
        decimal Exam(double median) =>
            Math.Round((decimal)(median * Math.Exp(0.3 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))) * 1000;
        for (var i = 0; i < 200; i++)   // an ordinary station: exams at about 150.000 đồng
            claims.Add(Claim($"A{i:000}", $"HT4010002{i:000}303", "68002", 1, $"202402{1 + i % 28:00}0800", $"202402{1 + i % 28:00}0900", 0, Exam(150)));
        for (var i = 0; i < 60; i++)    // a station whose whole month is 2,5 times dearer: its tail reaches 5–6 times the tier's median
            claims.Add(Claim($"B{i:000}", $"HT4010003{i:000}303", "68005", 1, $"202402{1 + i % 28:00}0800", $"202402{1 + i % 28:00}0900", 0, Exam(375)));
        claims.Add(Claim("BTAIL", "HT4010003900303", "68005", 1, "202402150800", "202402150900", 0, 900_000));     // 6 × tier, 2,4 × own month
        claims.Add(Claim("AOUT", "HT4010002900303", "68002", 1, "202402160800", "202402160900", 0, 1_800_000));    // 12 × tier and own month
        await using var warehouse = await WarehouseWithAsync(claims);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.ClaimCostOutlier).ToList();

        var flagged = Assert.Single(found);
        Assert.Equal("AOUT", flagged.ClaimId);
        Assert.Contains("lần mức thường của chính cơ sở trong tháng", flagged.Explanation);
    }

    [Fact]
    public async Task DetectAsync_a_lone_dear_stay_in_its_month_is_judged_against_the_facility_s_other_months_not_itself()
    {
        var random = new Random(5);
        var claims = new List<string>();
        decimal Day(double median) =>
            Math.Round((decimal)(median * Math.Exp(0.3 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))) * 1000;
        for (var i = 0; i < 120; i++)   // provincial stays of 3 days at about 1 million a day, January to April
        {
            var month = 1 + i % 4;
            claims.Add(Claim($"S{i:000}", $"GD4010004{i:000}304", "68001", 3, $"2024{month:00}100800", $"2024{month:00}130900", 3, 3 * Day(1_000)));
        }
        // The only stay of May, at 12 million a day: as its own month's baseline it would be 1 × itself.
        claims.Add(Claim("LONE", "GD4010004900304", "68001", 3, "202405100800", "202405130900", 3, 36_000_000));
        await using var warehouse = await WarehouseWithAsync(claims);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.ClaimCostOutlier).ToList();

        var flagged = Assert.Single(found);
        Assert.Equal("LONE", flagged.ClaimId);
    }
}
