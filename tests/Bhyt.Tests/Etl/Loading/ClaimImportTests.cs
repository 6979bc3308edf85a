using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Loading;

public class ClaimImportTests
{
    private const string Facilities = "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n68002,Trạm y tế,4,public,24778\n";
    private const string Header = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";
    private const string Card = "GD4797932176423";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, string content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await File.WriteAllTextAsync(path, content);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
    }

    [Fact]
    public async Task ImportAsync_claims_load_with_pseudonyms_monthly_totals_and_no_raw_card_in_the_file()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fac.csv", Facilities);

        var result = await ImportAsync(warehouse, "claims.csv", $"""
            {Header}
            A1,{Card},68001,3,202403010800,202403051000,5,J18,5200000.00,4680000,520000,1500000,300000,68
            A2,{Card},68002,01,202403020800,202403020900,0,I10,"250000,00",250000,0,80000,0,68
            A3,HN4010123456789,68001,1,202404100700,202404100800,0,K29,300000,270000,30000,100000,0,68
            A3,HN4010123456789,68001,1,202404100700,202404100800,0,K29,300000,270000,30000,100000,0,68
            """);

        Assert.Equal(("loaded", 3), (result.Submission.Status, result.Submission.RowsLoaded));
        var monthly = await warehouse.Engine.QueryAsync<(decimal Total, long Claims, long BedDays)>(
            "SELECT sum(total_cost), sum(claims), sum(bed_days) FROM rpt.claims_monthly");
        var facts = await warehouse.Engine.QueryAsync<(decimal Total, long Claims)>("SELECT sum(total_cost), count(*) FROM dw.fct_claim");
        Assert.Equal((5750000m, 3L, 5L), monthly.Single());
        Assert.Equal((monthly.Single().Total, monthly.Single().Claims), facts.Single());
        var cards = await warehouse.Engine.QueryAsync<string>("SELECT DISTINCT card_pseudonym FROM dw.fct_claim");
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.Matches("^[0-9a-f]{64}$", c));
        Assert.DoesNotContain(Card, await File.ReadAllTextAsync(warehouse.Path, System.Text.Encoding.Latin1));
        var derived = await warehouse.Engine.QueryAsync<(string Unit, string Indicator, decimal Value)>("""
            SELECT unit_code, indicator_code, value FROM rpt.indicator_values
            WHERE source = 'claims' AND period_label = '2024' AND indicator_code IN ('kcb_visits', 'spend_kcb', 'spend_inpatient', 'spend_outpatient')
            """);
        Assert.Contains(("68", "kcb_visits", 3m), derived);
        Assert.Contains(("VN", "kcb_visits", 3m), derived);
        Assert.Contains(("68", "spend_kcb", 5.75m), derived);
        Assert.Equal(5.75m, derived.Where(d => d.Unit == "68" && d.Indicator is "spend_inpatient" or "spend_outpatient").Sum(d => d.Value));
    }

    [Fact]
    public async Task ImportAsync_one_bad_claim_rejects_the_whole_file_naming_row_and_column()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fac.csv", Facilities);

        var result = await ImportAsync(warehouse, "bad.csv", $"""
            {Header}
            A1,{Card},68001,3,202403010800,202403051000,5,J18,5200000,4680000,520000,1500000,300000,68
            A2,{Card},68001,3,202403010800,202402281000,5,J18,5200000,9680000,520000,1500000,300000,68
            A3,{Card},99999,1,202403010800,202403010900,0,J18,100000,abc,0,0,0,68
            """);

        Assert.True(result.IsRejected);
        Assert.Contains(result.Issues, i => i.Rule == "claim.discharge_before_admission" && i.Location == "dòng 3, cột NGAY_RA");
        Assert.Contains(result.Issues, i => i.Rule == "claim.insurer_above_total" && i.Location == "dòng 3, cột T_BHTT");
        Assert.Contains(result.Issues, i => i.Rule == "claim.money" && i.Location == "dòng 4, cột T_BHTT");
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim"));
        Assert.Equal("rejected", (await warehouse.Engine.QueryAsync<string>("SELECT status FROM rpt.submissions WHERE file_name = 'bad.csv'")).Single());
    }

    [Fact]
    public async Task ImportAsync_unknown_facility_rejects_and_claims_already_loaded_are_skipped()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fac.csv", Facilities);
        var first = await ImportAsync(warehouse, "m1.csv", $"{Header}\nA1,{Card},68001,2,202403010800,202403010900,0,J18,100000,90000,10000,0,0,68\n");

        var unknown = await ImportAsync(warehouse, "x.csv", $"{Header}\nB1,{Card},99999,2,202403010800,202403010900,0,J18,100000,90000,10000,0,0,68\n");
        var revisit = await ImportAsync(warehouse, "m2.csv", $"{Header}\nA1,{Card},68001,2,202403010800,202403010900,0,J18,100000,90000,10000,0,0,68\nA9,{Card},68001,2,202403020800,202403020900,0,J18,100000,90000,10000,0,0,68\n");

        Assert.Equal(1, first.Submission.RowsLoaded);
        Assert.Contains(unknown.Issues, i => i.Rule == "claim.unknown_facility");
        Assert.Equal(1, revisit.Submission.RowsLoaded);
        Assert.Equal(2, (await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim")).Count);
    }
}
