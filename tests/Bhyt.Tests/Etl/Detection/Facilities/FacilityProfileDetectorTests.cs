using System.Globalization;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Facilities;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Detection.Facilities;

public class FacilityProfileDetectorTests
{
    // Six district hospitals (tier 3, public) with their own cost levels, a private one, and 68009 opening in 2023-03.
    private const string Facilities = """
        MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code
        68001,Trung tâm y tế huyện A,3,public,672
        68002,Trung tâm y tế huyện B,3,public,672
        68003,Trung tâm y tế huyện C,3,public,673
        68004,Trung tâm y tế huyện D,3,public,673
        68005,Trung tâm y tế huyện E,3,public,674
        68006,Trung tâm y tế huyện F,3,public,674
        68009,Trung tâm y tế huyện mới,3,public,674
        """;
    private const string Header = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";

    private delegate (int Claims, double Cost, double DrugShare)? Month(string facility, int index, DateTime month);

    /// <summary>24 months (2022-01 … 2023-12) of exam claims; every facility's cost peaks ×1.3 each July (a shared season).</summary>
    private static async Task<TempWarehouse> WarehouseAsync(Month? overrideMonth = null)
    {
        var lines = new List<string> { Header };
        var id = 0;
        var facilities = new[] { "68001", "68002", "68003", "68004", "68005", "68006", "68009" };
        for (var f = 0; f < facilities.Length; f++)
        for (var i = 0; i < 24; i++)
        {
            var month = new DateTime(2022, 1, 1).AddMonths(i);
            var noise = 1 + 0.03 * Math.Sin(7.3 * i + 3.1 * f);
            var ordinary = facilities[f] == "68009" && month < new DateTime(2023, 3, 1)
                ? ((int, double, double)?)null
                : (30, (250_000 + 20_000 * f) * noise * (month.Month == 7 ? 1.3 : 1), 0.34 * (2 - noise));
            var (claims, cost, drug) = overrideMonth?.Invoke(facilities[f], i, month) ?? ordinary ?? (0, 0, 0);
            for (var c = 0; c < claims; c++)
            {
                var day = month.AddDays(c % 27);
                var card = $"GD4{f:D2}{c:D10}";
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"F{++id},{card},{facilities[f]},1,{day:yyyyMMdd}0800,{day:yyyyMMdd}0900,0,J18,{cost:0},{0.8 * cost:0},{0.2 * cost:0},{drug * cost:0},{0.1 * cost:0},68"));
            }
        }
        var warehouse = await TempWarehouse.InitialisedAsync();
        var service = await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None);
        foreach (var (name, content) in new[] { ("fac.csv", Facilities), ("claims.csv", string.Join("\n", lines) + "\n") })
        {
            var path = Path.Combine(warehouse.Directory, name);
            await File.WriteAllTextAsync(path, content);
            var result = await service.ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
            Assert.False(result.IsRejected, string.Join("; ", result.Issues.Select(i => i.Message)));
        }
        return warehouse;
    }

    private static async Task<List<AnomalyFinding>> DetectAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        return (await new FacilityProfileDetector().DetectAsync(new DetectionContext(warehouse.Engine, connection, null, null), CancellationToken.None)).ToList();
    }

    [Fact]
    public async Task DetectAsync_cost_and_drug_share_jump_in_one_month_flags_that_facility_month_naming_both()
    {
        await using var warehouse = await WarehouseAsync((facility, i, month) =>
            facility == "68003" && month == new DateTime(2023, 5, 1) ? (30, 290_000 * 1.7, 0.51) : null);

        var found = await DetectAsync(warehouse);

        var jump = Assert.Single(found);
        Assert.Equal((AnomalyKinds.FacilityCostJump, "facility", "68003", "68003", "673", "2023-05", "cost_per_claim"),
            (jump.Kind, jump.SubjectKind, jump.SubjectCode, jump.FacilityCode, jump.UnitCode, jump.PeriodLabel, jump.Measure));
        Assert.InRange(jump.Value!.Value / jump.Expected!.Value, 1.5, 1.9);
        Assert.StartsWith("Chi phí bình quân/lượt của Trung tâm y tế huyện C (68003) tháng 05/2023 là 493.000 đ, cao hơn", jump.Explanation);
        Assert.Contains("lần trung vị các cơ sở cùng tuyến 3, công lập", jump.Explanation);
        Assert.Matches("do tỷ lệ thuốc tăng từ 3[3-6] % lên 51 %", jump.Explanation);
    }

    [Fact]
    public async Task DetectAsync_seasonal_peak_shared_by_all_peers_and_new_facility_ramp_up_are_not_flagged()
    {
        // 68009 opens in 2023-03 with few claims at a high cost that settles over its first months.
        await using var warehouse = await WarehouseAsync((facility, i, month) =>
            facility == "68009" && month >= new DateTime(2023, 3, 1) && month < new DateTime(2023, 7, 1)
                ? ((month.Month - 2) * 8, 360_000 * (1 + 0.4 * (7 - month.Month) / 4), 0.5)
                : null);

        var found = await DetectAsync(warehouse);

        Assert.Empty(found);
    }

    [Fact]
    public async Task DetectAsync_facility_alone_in_its_peak_month_without_a_seasonal_history_is_flagged_only_when_peers_do_not_share_it()
    {
        // 68001 has a ×1.8 July 2023 while its peers keep the usual ×1.3: against both its own July 2022 and its peers.
        await using var warehouse = await WarehouseAsync((facility, i, month) =>
            facility == "68001" && month == new DateTime(2023, 7, 1) ? (30, 250_000 * 1.3 * 1.8, 0.34) : null);

        var found = await DetectAsync(warehouse);

        Assert.Equal([("68001", "2023-07")], found.Select(f => (f.SubjectCode, f.PeriodLabel)));
        Assert.DoesNotContain("do ", found[0].Explanation);
    }
}
