using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Loading;

/// <summary>Issue 17 item 4: a claim sent again (same MA_LK at the same facility) replaces its earlier version, counted once.</summary>
public class ClaimResubmissionTests
{
    private const string Facilities = "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n68002,Trạm y tế,4,public,24778\n";
    private const string Header = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";
    private const string Card = "GD4797932176423";

    private static string Claim(string id, string facility, string day, decimal total) =>
        $"{id},{Card},{facility},1,{day}0800,{day}0900,0,J18,{total},{total * 0.8m},{total * 0.2m},0,0,68";

    private static string File(params string[] claims) => Header + "\n" + string.Join("\n", claims) + "\n";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, string content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await System.IO.File.WriteAllTextAsync(path, content);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
    }

    private static async Task<TempWarehouse> WarehouseAsync()
    {
        var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fac.csv", Facilities);
        return warehouse;
    }

    private static async Task<List<(string Month, long Claims, decimal Total)>> MonthlyAsync(TempWarehouse warehouse) =>
        (await warehouse.Engine.QueryAsync<(string Month, long Claims, decimal Total)>("""
            SELECT strftime(month, '%Y-%m'), sum(claims), sum(total_cost) FROM rpt.claims_monthly GROUP BY 1 ORDER BY 1
            """)).ToList();

    private static async Task<List<(string Claim, decimal Total, long Submission)>> FactsAsync(TempWarehouse warehouse) =>
        (await warehouse.Engine.QueryAsync<(string Claim, decimal Total, long Submission)>(
            "SELECT claim_id || '@' || facility_code, total_cost, submission_id FROM dw.fct_claim ORDER BY 1")).ToList();

    [Fact]
    public async Task ImportAsync_correction_with_another_amount_replaces_the_claim_and_totals_count_it_once()
    {
        await using var warehouse = await WarehouseAsync();
        var first = await ImportAsync(warehouse, "m1.csv", File(Claim("A1", "68001", "20240305", 100000), Claim("A2", "68001", "20240306", 200000)));

        var correction = await ImportAsync(warehouse, "m1-sua.csv", File(Claim("A1", "68001", "20240305", 150000)));

        Assert.Equal(("loaded", 1), (correction.Submission.Status, correction.Submission.RowsLoaded));
        Assert.Contains("thay thế", correction.Submission.Message);
        Assert.Equal([("2024-03", 2L, 350000m)], await MonthlyAsync(warehouse));
        Assert.Equal([("A1@68001", 150000m, correction.Submission.SubmissionId), ("A2@68001", 200000m, first.Submission.SubmissionId)],
            await FactsAsync(warehouse));
        var spend = await warehouse.Engine.QueryAsync<(decimal Visits, decimal Spend)>("""
            SELECT sum(CASE WHEN indicator_code = 'kcb_visits' THEN value END), sum(CASE WHEN indicator_code = 'spend_kcb' THEN value END)
            FROM rpt.indicator_values WHERE source = 'claims' AND unit_code = '68' AND period_label = '2024'
            """);
        Assert.Equal((2m, 0.35m), spend.Single());
    }

    [Fact]
    public async Task ImportAsync_replaced_version_is_kept_in_history_with_the_submission_that_loaded_it()
    {
        await using var warehouse = await WarehouseAsync();
        var first = await ImportAsync(warehouse, "m1.csv", File(Claim("A1", "68001", "20240305", 100000)));
        var correction = await ImportAsync(warehouse, "m1-sua.csv", File(Claim("A1", "68001", "20240305", 150000)));

        var history = await warehouse.Engine.QueryAsync<(string Claim, decimal Total, long Submission, long SupersededBy)>(
            "SELECT claim_id, total_cost, submission_id, superseded_by FROM dw.fct_claim_version");
        Assert.Equal([("A1", 100000m, first.Submission.SubmissionId, correction.Submission.SubmissionId)], history);
        var versions = await warehouse.Engine.QueryAsync<(string File, decimal Total, bool IsCurrent, long Versions)>(
            "SELECT file_name, total_cost, is_current, versions FROM rpt.claim_versions WHERE claim_id = 'A1' ORDER BY is_current");
        Assert.Equal([("m1.csv", 100000m, false, 2L), ("m1-sua.csv", 150000m, true, 2L)], versions);
    }

    [Fact]
    public async Task ImportAsync_correction_moving_the_claim_to_another_month_rebuilds_both_months()
    {
        await using var warehouse = await WarehouseAsync();
        await ImportAsync(warehouse, "m3.csv", File(Claim("A1", "68001", "20240305", 100000), Claim("A2", "68001", "20240306", 200000)));
        await ImportAsync(warehouse, "m4.csv", File(Claim("B1", "68001", "20240402", 50000)));

        await ImportAsync(warehouse, "m3-sua.csv", File(Claim("A1", "68001", "20240405", 120000)));

        Assert.Equal([("2024-03", 1L, 200000m), ("2024-04", 2L, 170000m)], await MonthlyAsync(warehouse));
        var visits = await warehouse.Engine.QueryAsync<(string Period, decimal Value)>("""
            SELECT period_label, value FROM rpt.indicator_values
            WHERE source = 'claims' AND unit_code = '68' AND indicator_code = 'kcb_visits' AND period_label LIKE '2024%' ORDER BY 1
            """);
        Assert.Equal([("2024", 3m), ("2024-03", 1m), ("2024-04", 2m)], visits);
        var profile = await warehouse.Engine.QueryAsync<(int Month, long Claims)>("""
            SELECT p.month, m.claims FROM dw.fct_facility_month m JOIN dw.dim_period p ON p.period_key = m.month_key ORDER BY 1
            """);
        Assert.Equal([(3, 1L), (4, 2L)], profile);
    }

    [Fact]
    public async Task ImportAsync_the_same_claims_again_change_nothing()
    {
        await using var warehouse = await WarehouseAsync();
        var content = File(Claim("A1", "68001", "20240305", 100000), Claim("A2", "68001", "20240306", 200000));
        await ImportAsync(warehouse, "m1.csv", content);
        var facts = await FactsAsync(warehouse);
        var monthly = await MonthlyAsync(warehouse);

        var again = await ImportAsync(warehouse, "m1.csv", content);
        var copy = await ImportAsync(warehouse, "m1-ban-sao.csv", File(Claim("A2", "68001", "20240306", 200000), Claim("A1", "68001", "20240305", 100000)));

        Assert.Equal("duplicate", again.Submission.Status);
        Assert.Equal(("loaded", 0), (copy.Submission.Status, copy.Submission.RowsLoaded));
        Assert.Equal(facts, await FactsAsync(warehouse));
        Assert.Equal(monthly, await MonthlyAsync(warehouse));
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim_version"));
    }

    [Fact]
    public async Task ImportAsync_same_MA_LK_at_another_facility_is_another_claim()
    {
        await using var warehouse = await WarehouseAsync();
        await ImportAsync(warehouse, "a.csv", File(Claim("A1", "68001", "20240305", 100000)));

        var other = await ImportAsync(warehouse, "b.csv", File(Claim("A1", "68002", "20240305", 40000)));

        Assert.Equal(1, other.Submission.RowsLoaded);
        Assert.Equal([("A1@68001", 100000m), ("A1@68002", 40000m)], (await FactsAsync(warehouse)).Select(f => (f.Claim, f.Total)).ToList());
        Assert.Equal([("2024-03", 2L, 140000m)], await MonthlyAsync(warehouse));
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim_version"));
    }

    [Fact]
    public async Task ImportAsync_claim_repeated_in_one_file_keeps_its_last_row()
    {
        await using var warehouse = await WarehouseAsync();

        var result = await ImportAsync(warehouse, "m1.csv", File(Claim("A1", "68001", "20240305", 100000), Claim("A2", "68001", "20240306", 200000),
            Claim("A1", "68001", "20240305", 130000)));

        Assert.Equal(2, result.Submission.RowsLoaded);
        Assert.Contains("giữ dòng sau cùng", result.Submission.Message);
        Assert.Equal([("A1@68001", 130000m), ("A2@68001", 200000m)], (await FactsAsync(warehouse)).Select(f => (f.Claim, f.Total)).ToList());
        Assert.Equal([("2024-03", 2L, 330000m)], await MonthlyAsync(warehouse));
    }
}
