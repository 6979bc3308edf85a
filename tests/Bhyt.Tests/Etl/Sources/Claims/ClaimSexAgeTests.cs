using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Etl.Sources.Claims;
using Bhyt.Tests.Etl.Sources.Claims.Xml;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Sources.Claims;

/// <summary>Issue 17 item 2: claims keep sex and an age band at admission; the birth date is never stored.</summary>
public sealed class ClaimSexAgeTests
{
    private const string Facilities = "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n68002,Trạm y tế,4,public,24778\n";
    private const string Header = "MA_LK,MA_THE,HO_TEN,NGAY_SINH,GIOI_TINH,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, byte[] content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await File.WriteAllBytesAsync(path, content);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
    }

    private static async Task<TempWarehouse> WarehouseAsync()
    {
        var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fac.csv", Encoding.UTF8.GetBytes(Facilities));
        return warehouse;
    }

    private static Task<List<(string Id, int? Sex, string? Band)>> FactsAsync(TempWarehouse warehouse) =>
        warehouse.Engine.QueryAsync<(string, int?, string?)>("SELECT claim_id, sex, age_band FROM dw.fct_claim ORDER BY claim_id")
            .ContinueWith(t => t.Result.ToList());

    [Theory]
    [InlineData("201903100000", "0-5")]   // turns 5 on 2024-03-10: still 0-5 the day before
    [InlineData("201803100800", "6-14")]  // sixth birthday on the admission day counts
    [InlineData("201803110000", "0-5")]   // sixth birthday the day after admission
    [InlineData("19800000", "25-44")]     // unknown day and month: mid-year, 43 at admission
    [InlineData("19660000", "45-59")]     // 57 (from 1 July 1966, admitted March 2024)
    [InlineData("19630000", "60-79")]     // 60 (from 1 July 1963)
    [InlineData("1966", "45-59")]         // year only (pre-4210 file)
    [InlineData("1964", "45-59")]         // year only: from 1 July 1964, so still 59 in March 2024
    [InlineData("19440310", "80+")]       // 80th birthday on admission day, 8 chars
    [InlineData("200403100000", "15-24")]
    public void AgeBandAt_reads_every_format_at_admission(string birth, string expected)
    {
        var admitted = new DateTime(2024, 3, 10, 8, 0, 0);
        var band = ClaimDemographics.AgeBandAt(birth, admitted, out var unusable);
        Assert.Equal((expected, false), (band, unusable));
    }

    [Theory]
    [InlineData("202501010000")]
    [InlineData("20240311")]
    [InlineData("12051980")]
    [InlineData("1980-05-12")]
    [InlineData("19801332")]
    public void AgeBandAt_a_birth_after_admission_or_unreadable_gives_no_band_and_is_unusable(string birth)
    {
        Assert.Null(ClaimDemographics.AgeBandAt(birth, new DateTime(2024, 3, 10, 8, 0, 0), out var unusable));
        Assert.True(unusable);
        Assert.Null(ClaimDemographics.AgeBandAt("", new DateTime(2024, 3, 10), out unusable));
        Assert.False(unusable);
    }

    [Fact]
    public async Task ImportAsync_csv_claims_load_sex_and_age_band_and_a_future_birth_date_warns()
    {
        await using var warehouse = await WarehouseAsync();
        var csv = $"""
            {Header}
            C1,GD4797932176423,Nguyễn Văn Bí Mật,201803100800,1,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            C2,GD4797932176424,Lê Thị Kín,19800000,2,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            C3,GD4797932176425,Trần Văn Ẩn,1966,3,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            C4,GD4797932176426,Phạm Văn Tương Lai,20250101,2,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            C5,GD4797932176427,Võ Thị Vắng,,,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            C6,GD4797932176428,Đỗ Văn Tròn,19440310,1,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            """;
        var result = await ImportAsync(warehouse, "claims.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(("loaded", 6, 1), (result.Submission.Status, result.Submission.RowsLoaded, result.Submission.Warnings));
        Assert.Equal([("C1", 1, "6-14"), ("C2", 2, "25-44"), ("C3", 3, "45-59"), ("C4", 2, null), ("C5", null, null), ("C6", 1, "80+")],
            await FactsAsync(warehouse));
        var issues = await warehouse.Engine.QueryAsync<(string Location, string Rule, string Severity, string Message)>(
            "SELECT location, rule, severity, message FROM rpt.validation_issues");
        var issue = Assert.Single(issues);
        Assert.Equal(("dòng 5, cột NGAY_SINH", "claim.birth_date", "warning"), (issue.Location, issue.Rule, issue.Severity));
        Assert.DoesNotContain("2025", issue.Message);
    }

    [Fact]
    public async Task ImportAsync_xml_claims_of_both_standards_load_sex_and_age_band_and_a_future_birth_date_warns()
    {
        await using var warehouse = await WarehouseAsync();
        Xml1Claim Claim(string id, string birth, string? sex, bool qd130) =>
            new(id, Card: "GD47979321764" + id[^2..], Admitted: "202403100800", Discharged: "202403101000", Days: "0", VisitType: qd130 ? "01" : "1",
                Total: "100000", Insurer: "90000", CoPay: "10000", Drugs: "0", Supplies: "0", Qd130: qd130, BirthDate: birth, Sex: sex);
        var envelope = ClaimXml.WithBom(ClaimXml.Envelope([
            ClaimXml.Hoso(Claim("X01", "201803100800", "1", true), Content.Base64),
            ClaimXml.Hoso(Claim("X02", "198000000000", "3", true), Content.Inline),
            ClaimXml.Hoso(Claim("X03", "19440310", "2", false), Content.Inline),
            ClaimXml.Hoso(Claim("X04", "1966", "1", false), Content.Base64),
            ClaimXml.Hoso(Claim("X05", "202501010000", "2", true), Content.Inline)]));
        var result = await ImportAsync(warehouse, "XML_sex_age.xml", envelope);

        Assert.Equal(("loaded", 5, 1), (result.Submission.Status, result.Submission.RowsLoaded, result.Submission.Warnings));
        Assert.Equal([("X01", 1, "6-14"), ("X02", 3, "25-44"), ("X03", 2, "80+"), ("X04", 1, "45-59"), ("X05", 2, null)], await FactsAsync(warehouse));
        var issue = Assert.Single(await warehouse.Engine.QueryAsync<(string Location, string Rule, string Message)>(
            "SELECT location, rule, message FROM rpt.validation_issues"));
        Assert.Equal(("HOSO 5, MA_LK X05, trường NGAY_SINH", "claim.birth_date"), (issue.Location, issue.Rule));
        Assert.DoesNotContain("2025", issue.Message);
    }

    [Fact]
    public async Task ImportAsync_a_corrected_sex_or_age_band_is_a_new_version_and_history_keeps_both_columns()
    {
        await using var warehouse = await WarehouseAsync();
        var first = new Xml1Claim("V1", BirthDate: "198005120000", Sex: "1");
        await ImportAsync(warehouse, "v1.xml", ClaimXml.WithBom(ClaimXml.Envelope([ClaimXml.Hoso(first, Content.Inline)])));
        var result = await ImportAsync(warehouse, "v2.xml", ClaimXml.WithBom(ClaimXml.Envelope([ClaimXml.Hoso(first with { Sex = "2" }, Content.Inline)])));

        Assert.Equal(1, result.Submission.RowsLoaded);
        Assert.Equal([("V1", 2, "25-44")], await FactsAsync(warehouse));
        Assert.Equal((1, "25-44"), (await warehouse.Engine.QueryAsync<(int, string)>("SELECT sex, age_band FROM dw.fct_claim_version")).Single());
    }

    [Fact]
    public async Task ImportAsync_no_text_date_or_timestamp_column_of_any_table_holds_the_birth_date()
    {
        await using var warehouse = await WarehouseAsync();
        var csv = $"""
            {Header}
            B1,GD4797932176423,Nguyễn Văn Bí Mật,197705190000,1,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            B2,GD4797932176424,Lê Thị Kín,19770519,2,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            B3,GD4797932176425,Phạm Văn Tương Lai,20770519,2,68001,1,202403100800,202403101000,0,J18,100000,90000,10000,0,0,68
            """;
        await ImportAsync(warehouse, "b.csv", Encoding.UTF8.GetBytes(csv));
        await ImportAsync(warehouse, "b.xml", ClaimXml.WithBom(ClaimXml.Envelope([
            ClaimXml.Hoso(new Xml1Claim("B4", BirthDate: "197705190000"), Content.Base64),
            ClaimXml.Hoso(new Xml1Claim("B5", BirthDate: "19770519", Qd130: false, VisitType: "1"), Content.Inline),
            ClaimXml.Hoso(new Xml1Claim("B6", BirthDate: "207705190000"), Content.Inline)])));
        Assert.Equal(6L, (await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claim")).Single());

        string[] secrets = ["197705190000", "19770519", "1977-05-19", "19/05/1977", "19-05-1977", "207705190000", "20770519", "2077-05-19", "19/05/2077"];
        var columns = await warehouse.Engine.QueryAsync<(string Schema, string Table, string Column, string Type)>("""
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.data_type = 'VARCHAR' OR c.data_type = 'DATE' OR c.data_type LIKE 'TIMESTAMP%'
            """);
        Assert.Contains(columns, c => c.Type == "VARCHAR");
        Assert.Contains(columns, c => c.Type != "VARCHAR");
        foreach (var (schema, table, column, type) in columns)
        {
            if (type == "VARCHAR")
                foreach (var secret in secrets)
                    Assert.Empty(await warehouse.Engine.QueryAsync<string>($"SELECT \"{column}\" FROM \"{schema}\".\"{table}\" WHERE \"{column}\" LIKE @pattern",
                        new { pattern = $"%{secret}%" }));
            else
                Assert.Empty(await warehouse.Engine.QueryAsync<DateTime>(
                    $"SELECT CAST(\"{column}\" AS TIMESTAMP) FROM \"{schema}\".\"{table}\" WHERE CAST(\"{column}\" AS DATE) IN (DATE '1977-05-19', DATE '2077-05-19')"));
        }
    }
}
