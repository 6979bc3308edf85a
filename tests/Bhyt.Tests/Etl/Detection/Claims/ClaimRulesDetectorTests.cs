using System.Globalization;
using System.Text;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Claims;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Detection.Claims;

public class ClaimRulesDetectorTests
{
    private static string Claim(string id, string card, string facility, int type, string admitted, string discharged, int los, decimal cost) =>
        ClaimFixtures.Claim(id, card, facility, type, admitted, discharged, los, cost);

    private static Task<TempWarehouse> WarehouseWithAsync(IEnumerable<string> claims) => ClaimFixtures.WarehouseWithAsync(claims);

    private static Task<IReadOnlyList<AnomalyFinding>> DetectAsync(TempWarehouse warehouse, IReadOnlyList<ClaimRule>? rules = null,
        DateOnly? from = null, DateOnly? to = null) => ClaimFixtures.DetectAsync(warehouse, rules, from, to);

    private static Task<string> PseudonymAsync(TempWarehouse warehouse, string claimId) => ClaimFixtures.PseudonymAsync(warehouse, claimId);

    [Fact]
    public async Task DetectAsync_same_day_visits_at_two_facilities_flag_each_claim_but_not_same_facility_or_other_days()
    {
        await using var warehouse = await WarehouseWithAsync([
            Claim("D1", "GD4010000000001", "68001", 1, "202405060800", "202405060900", 0, 300000),
            Claim("D2", "GD4010000000001", "68002", 1, "202405061500", "202405061530", 0, 150000),
            Claim("S1", "GD4010000000002", "68001", 1, "202405060800", "202405060900", 0, 300000),   // same facility twice
            Claim("S2", "GD4010000000002", "68001", 2, "202405061400", "202405061500", 0, 200000),
            Claim("N1", "GD4010000000003", "68001", 1, "202405060800", "202405060900", 0, 300000),   // next day elsewhere
            Claim("N2", "GD4010000000003", "68002", 1, "202405070800", "202405070900", 0, 150000),
            Claim("I1", "GD4010000000004", "68001", 3, "202405060800", "202405080900", 3, 3000000),  // inpatient + exam: not this rule
            Claim("I2", "GD4010000000004", "68002", 1, "202405060800", "202405060900", 0, 150000),
        ]);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.DuplicateClaim).OrderBy(f => f.SubjectCode).ToList();

        Assert.Equal(["D1", "D2"], found.Select(f => f.SubjectCode));
        var d2 = found[1];
        Assert.Equal(("claim", "D2", "68002", "24778", "2024-05", "DUP_XFAC_DAY", "medium"),
            (d2.SubjectKind, d2.ClaimId, d2.FacilityCode, d2.UnitCode, d2.PeriodLabel, d2.Method, d2.Severity));
        Assert.Equal(new DateOnly(2024, 5, 1), d2.PeriodStart);
        Assert.Contains("khám tại 2 cơ sở 68001 và 68002 trong cùng ngày 06/05/2024", d2.Explanation);
        Assert.Contains((await PseudonymAsync(warehouse, "D2"))[..12], d2.Explanation);
    }

    [Fact]
    public async Task DetectAsync_overlapping_stays_at_two_facilities_flag_both_but_touching_stays_do_not()
    {
        await using var warehouse = await WarehouseWithAsync([
            Claim("O1", "GD4010000000001", "68001", 3, "202403010800", "202403051000", 5, 5000000),
            Claim("O2", "GD4010000000001", "68003", 3, "202403030900", "202403081000", 6, 4000000),
            Claim("T1", "GD4010000000002", "68001", 3, "202403010800", "202403051000", 5, 5000000),  // discharged the day the next stay begins
            Claim("T2", "GD4010000000002", "68003", 3, "202403051400", "202403091000", 5, 4000000),
            Claim("F1", "GD4010000000003", "68001", 3, "202403010800", "202403051000", 5, 5000000),  // same facility: a readmission, not this rule
            Claim("F2", "GD4010000000003", "68001", 3, "202403030800", "202403061000", 4, 5000000),
        ]);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.OverlappingStay).OrderBy(f => f.SubjectCode).ToList();

        Assert.Equal(["O1", "O2"], found.Select(f => f.SubjectCode));
        Assert.All(found, f => Assert.Equal((2.0, "OVERLAP_STAY", "high", "2024-03"), (f.Value!.Value, f.Method, f.Severity, f.PeriodLabel)));
        Assert.Contains("tại 68001 (01/03/2024–05/03/2024, hồ sơ O1) trùng 2 ngày với đợt nội trú tại 68003 (03/03/2024–08/03/2024, hồ sơ O2)", found[0].Explanation);
    }

    [Fact]
    public async Task DetectAsync_card_with_too_many_visits_in_a_month_is_flagged_as_a_card_but_a_chronic_patient_is_not()
    {
        var claims = new List<string>();
        for (var d = 1; d <= 24; d++)   // 24 visits in May at three facilities
            claims.Add(Claim($"U{d}", "GD4010000000001", d % 4 == 0 ? "68001" : d % 4 == 1 ? "68005" : "68002", 1, $"202405{d:00}0800", $"202405{d:00}0900", 0, 100000));
        for (var d = 1; d <= 8; d++)    // a chronic patient: 8 visits at the commune station
            claims.Add(Claim($"C{d}", "GD4010000000002", "68002", 1, $"202405{d * 3:00}0800", $"202405{d * 3:00}0900", 0, 80000));
        await using var warehouse = await WarehouseWithAsync(claims);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.CardOveruse).ToList();

        var card = Assert.Single(found);
        Assert.Equal(("card", await PseudonymAsync(warehouse, "U1"), null, "68002", "24778", "CARD_VISITS_20", "medium", 24.0),
            (card.SubjectKind, card.SubjectCode, card.ClaimId, card.FacilityCode, card.UnitCode, card.Method, card.Severity, card.Value!.Value));
        Assert.Contains("có 24 lượt KCB trong tháng 05/2024 tại 3 cơ sở, nhiều nhất ở 68002 (12 lượt)", card.Explanation);
    }

    [Fact]
    public async Task DetectAsync_rules_from_a_file_change_thresholds_severity_and_text()
    {
        var claims = Enumerable.Range(1, 8).Select(d => Claim($"C{d}", "GD4010000000002", "68002", 1, $"202405{d * 3:00}0800", $"202405{d * 3:00}0900", 0, 80000));
        await using var warehouse = await WarehouseWithAsync(claims);
        var rules = ClaimRule.Read(new StringReader("""
            code,kind,threshold,min_peers,severity,reason
            STRICT_6,card_overuse,6,,high,"Thẻ {card}: {n} lượt trong tháng {month}, ngưỡng {threshold}."
            """), "rules.csv");

        var card = Assert.Single(await DetectAsync(warehouse, rules));

        Assert.Equal(("STRICT_6", "high"), (card.Method, card.Severity));
        Assert.EndsWith(": 8 lượt trong tháng 05/2024, ngưỡng 6.", card.Explanation);
    }

    [Fact]
    public void Read_unknown_kind_or_severity_is_refused_naming_the_line()
    {
        var kind = Assert.Throws<FormatException>(() => ClaimRule.Read(new StringReader("code,kind,threshold,min_peers,severity,reason\nX,coverage_drop,1,,low,r\n"), "r.csv"));
        var severity = Assert.Throws<FormatException>(() => ClaimRule.Read(new StringReader("code,kind,threshold,min_peers,severity,reason\nX,card_overuse,1,,urgent,r\n"), "r.csv"));
        Assert.Contains("dòng 2", kind.Message);
        Assert.Contains("urgent", severity.Message);
        Assert.Contains(ClaimRule.Defaults(), r => r.Kind == AnomalyKinds.ClaimCostOutlier);
    }

    [Fact]
    public async Task DetectAsync_length_of_stay_outside_both_counting_conventions_is_flagged_with_its_excess()
    {
        await using var warehouse = await WarehouseWithAsync([
            Claim("L5", "GD4010000000001", "68001", 3, "202403010800", "202403051000", 5, 5000000),   // inclusive
            Claim("L4", "GD4010000000002", "68001", 3, "202403010800", "202403051000", 4, 5000000),   // exclusive
            Claim("L1", "GD4010000000003", "68001", 3, "202403010800", "202403011800", 1, 1000000),   // same day = 1
            Claim("L0", "GD4010000000004", "68001", 3, "202403010800", "202403011100", 0, 1000000),   // same day, under a day
            Claim("LX", "GD4010000000005", "68003", 3, "202403010800", "202403051000", 12, 5000000),  // 7 days more than inclusive
            Claim("LS", "GD4010000000006", "68003", 3, "202403010800", "202403051000", 2, 5000000),   // 2 days short of exclusive
            Claim("LE", "GD4010000000007", "68002", 1, "202403010800", "202403010900", 3, 100000),    // an exam visit: not a stay
        ]);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.StayLengthMismatch).OrderBy(f => f.SubjectCode).ToList();

        Assert.Equal([("LS", "LOS_MISMATCH", "low", 2.0), ("LX", "LOS_MISMATCH_5", "medium", 12.0)],
            found.Select(f => (f.SubjectCode, f.Method, f.Severity, f.Value!.Value)));
        Assert.Contains("ghi 12 ngày điều trị nhưng vào 01/03/2024, ra 05/03/2024 (5 ngày tính cả ngày vào và ngày ra); lệch 7 ngày", found[1].Explanation);
    }

    [Fact]
    public async Task DetectAsync_cost_far_beyond_tier_and_visit_type_peers_is_flagged_but_not_a_costly_claim_among_costly_peers()
    {
        var random = new Random(7);
        var claims = new List<string>();
        for (var i = 0; i < 60; i++)   // commune exams around 100–250 thousand đồng
            claims.Add(Claim($"E{i:00}", $"GD40100000{i:00}100", i % 2 == 0 ? "68002" : "68005", 1, "202406100800", "202406100900", 0, 100000 + random.Next(150000)));
        claims.Add(Claim("EX", "GD4010000099999", "68002", 1, "202406110800", "202406110900", 0, 6000000));
        for (var i = 0; i < 40; i++)   // central inpatient stays of 50–150 million
            claims.Add(Claim($"H{i:00}", $"GD40100000{i:00}200", "68004", 3, "202406010800", "202406101000", 10, 50_000_000 + random.Next(100_000_000)));
        claims.Add(Claim("HX", "GD4010000088888", "68004", 3, "202406010800", "202406101000", 10, 190_000_000));
        for (var i = 0; i < 5; i++)    // too few district outpatient peers to judge
            claims.Add(Claim($"P{i}", $"GD401000000{i}300", "68003", 2, "202406100800", "202406100900", 0, 200000));
        claims.Add(Claim("PX", "GD4010000077777", "68003", 2, "202406100800", "202406100900", 0, 20_000_000));
        await using var warehouse = await WarehouseWithAsync(claims);

        var found = (await DetectAsync(warehouse)).Where(f => f.Kind == AnomalyKinds.ClaimCostOutlier).ToList();

        var outlier = Assert.Single(found);
        Assert.Equal(("EX", "68002", "24778", "2024-06"), (outlier.ClaimId, outlier.FacilityCode, outlier.UnitCode, outlier.PeriodLabel));
        Assert.True(outlier.Score >= 5, $"score {outlier.Score}");
        Assert.Contains("(khám bệnh, tuyến 4) chi 6.000.000 đồng, gấp", outlier.Explanation);
        Assert.Contains("của 61 hồ sơ cùng tuyến, cùng loại", outlier.Explanation);
    }

    [Fact]
    public async Task DetectAsync_from_to_restrict_the_months_examined()
    {
        await using var warehouse = await WarehouseWithAsync([
            Claim("A1", "GD4010000000001", "68001", 1, "202404060800", "202404060900", 0, 300000),
            Claim("A2", "GD4010000000001", "68002", 1, "202404061500", "202404061530", 0, 150000),
            Claim("M1", "GD4010000000002", "68001", 1, "202405060800", "202405060900", 0, 300000),
            Claim("M2", "GD4010000000002", "68002", 1, "202405061500", "202405061530", 0, 150000),
        ]);

        var may = await DetectAsync(warehouse, from: new DateOnly(2024, 5, 1), to: new DateOnly(2024, 5, 1));
        var all = await DetectAsync(warehouse);

        Assert.Equal(["M1", "M2"], may.Select(f => f.SubjectCode).Order());
        Assert.Equal(4, all.Count);
    }

    private sealed record Stored(long anomaly_id, string kind, string subject_code, string? claim_id, string? period_label, string method);

    [Fact]
    public async Task DetectAsync_run_twice_and_saved_keeps_one_anomaly_per_claim_with_the_same_identities()
    {
        var claims = new List<string>
        {
            Claim("D1", "GD4010000000001", "68001", 1, "202405060800", "202405060900", 0, 300000),
            Claim("D2", "GD4010000000001", "68002", 1, "202405061500", "202405061530", 0, 150000),
            Claim("O1", "GD4010000000002", "68001", 3, "202403010800", "202403051000", 5, 5000000),
            Claim("O2", "GD4010000000002", "68003", 3, "202403030900", "202403081000", 6, 4000000),
            Claim("LX", "GD4010000000003", "68003", 3, "202403010800", "202403051000", 12, 5000000),
        };
        for (var d = 1; d <= 21; d++)
            claims.Add(Claim($"U{d}", "GD4010000000004", "68002", 1, $"202406{d:00}0800", $"202406{d:00}0900", 0, 100000));
        await using var warehouse = await WarehouseWithAsync(claims);
        var store = new AnomalyStore(warehouse.Engine);

        async Task<List<Stored>> DetectAndSaveAsync(DateTime at)
        {
            var found = await DetectAsync(warehouse);
            await using (var connection = await warehouse.Engine.OpenAsync(CancellationToken.None))
                await store.SaveAsync(connection, found, at, CancellationToken.None);
            return (await warehouse.Engine.QueryAsync<Stored>(
                "SELECT anomaly_id, kind, subject_code, claim_id, period_label, method FROM rpt.anomalies ORDER BY anomaly_id")).ToList();
        }
        var first = await DetectAndSaveAsync(new DateTime(2024, 7, 1, 6, 0, 0));
        var second = await DetectAndSaveAsync(new DateTime(2024, 7, 2, 6, 0, 0));

        Assert.Equal(first, second);
        Assert.Equal(["D1", "D2", "LX", "O1", "O2"], first.Where(a => a.claim_id is not null).Select(a => a.claim_id).Order());
        Assert.All(first.Where(a => a.claim_id is not null), a => Assert.Equal(a.claim_id, a.subject_code));
        Assert.Equal(("card_overuse", "CARD_VISITS_20", "2024-06"), first.Where(a => a.claim_id is null).Select(a => (a.kind, a.method, a.period_label)).Single());
    }
}
