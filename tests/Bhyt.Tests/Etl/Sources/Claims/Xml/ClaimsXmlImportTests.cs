using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Sources.Claims.Xml;

public sealed class ClaimsXmlImportTests
{
    private static readonly Xml1Claim Inpatient = new("IN1");
    private static readonly Xml1Claim Exam4210 = new("EX1", Card: "HN4010123456789", VisitType: "1", Admitted: "202403020800", Discharged: "202403020930", Days: "0",
        Total: "250000,00", Insurer: "225000,00", CoPay: "25000,00", Drugs: "80000,50", Supplies: null, Qd130: false, Icd: "I10");
    private static readonly Xml1Claim Chronic = new("CH1", VisitType: "05", Admitted: "202404100700", Discharged: "202404102359", Days: "30", Total: "716260",
        Hospital: "800000", Insurer: "644634", CoPay: "71626", Drugs: "716260", Supplies: "0", Icd: "E11");

    private static Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, byte[] content) => ClaimXmlWarehouse.ImportAsync(warehouse, name, content);

    private static Task<TempWarehouse> WarehouseWithFacilitiesAsync() => ClaimXmlWarehouse.WithFacilitiesAsync();

    private static byte[] Envelope(params string[] hosos) => ClaimXmlWarehouse.Envelope(hosos);

    [Fact]
    public async Task ImportAsync_an_envelope_of_both_standards_loads_the_figures_its_XML_holds()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();

        var result = await ImportAsync(warehouse, "XML_130_4210.xml", Envelope(ClaimXml.Hoso(Inpatient, Content.Base64Wrapped),
            ClaimXml.Hoso(Exam4210, Content.Inline), ClaimXml.Hoso(Chronic, Content.Base64WithBomAndDeclaration)));

        Assert.Equal(("loaded", 3, "claims"), (result.Submission.Status, result.Submission.RowsLoaded, result.Submission.Kind));
        var facts = await warehouse.Engine.QueryAsync<(string Id, string Type, string Code, DateTime Admitted, DateTime Discharged, int Days, decimal Total,
            decimal Insurer, decimal Drugs, string Icd, int Row)>("""
            SELECT claim_id, visit_type, visit_type_code, admitted_at, discharged_at, length_of_stay, total_cost, insurer_paid, drug_cost, primary_icd, source_row
            FROM dw.fct_claim ORDER BY source_row
            """);
        Assert.Equal([
            ("IN1", "inpatient", "03", new DateTime(2024, 3, 1, 8, 0, 0), new DateTime(2024, 3, 5, 10, 0, 0), 5, 5200000m, 4680000m, 1500000m, "J18", 1),
            ("EX1", "exam", "1", new DateTime(2024, 3, 2, 8, 0, 0), new DateTime(2024, 3, 2, 9, 30, 0), 0, 250000m, 225000m, 80000.5m, "I10", 2),
            ("CH1", "outpatient", "05", new DateTime(2024, 4, 10, 7, 0, 0), new DateTime(2024, 4, 10, 23, 59, 0), 30, 716260m, 644634m, 716260m, "E11", 3),
        ], facts);
        var monthly = await warehouse.Engine.QueryAsync<(DateTime Month, string Type, long Claims, long Patients, long BedDays, decimal Total)>(
            "SELECT month, visit_type, claims, patients, bed_days, total_cost FROM rpt.claims_monthly ORDER BY month, visit_type");
        Assert.Equal([(new DateTime(2024, 3, 1), "exam", 1L, 1L, 0L, 250000m), (new DateTime(2024, 3, 1), "inpatient", 1L, 1L, 5L, 5200000m),
            (new DateTime(2024, 4, 1), "outpatient", 1L, 1L, 0L, 716260m)], monthly);
        Assert.Equal(2, (await warehouse.Engine.QueryAsync<string>("SELECT DISTINCT card_pseudonym FROM dw.fct_claim")).Count);
    }

    [Fact]
    public async Task ImportAsync_the_same_claims_as_base64_inline_CDATA_or_bare_TONG_HOP_give_identical_facts()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        Xml1Claim[] claims = [Inpatient, Exam4210, Chronic];
        await ImportAsync(warehouse, "base64.xml", Envelope([.. claims.Select(c => ClaimXml.Hoso(c, Content.Base64))]));
        await ImportAsync(warehouse, "inline.xml", Envelope([.. claims.Select(c => ClaimXml.Hoso(c with { Facility = "68002" }, Content.InlineWithNamespaces))]));
        await ImportAsync(warehouse, "cdata.zip", ClaimXml.Zip(claims.Select((c, i) => ($"{i}.xml",
            i == 0 ? (c with { Facility = "68003" }).Xml() : ClaimXml.Envelope([ClaimXml.Hoso(c with { Facility = "68003" }, Content.CData)])))));

        var facts = await warehouse.Engine.QueryAsync<(string Facility, string Rows)>("""
            SELECT facility_code, string_agg(concat_ws('|', claim_id, card_pseudonym, visit_type, visit_type_code, admitted_at, discharged_at, length_of_stay,
                primary_icd, total_cost, insurer_paid, patient_paid, drug_cost, supplies_cost, residence_province, month_key), ';' ORDER BY claim_id)
            FROM dw.fct_claim GROUP BY facility_code ORDER BY facility_code
            """);
        Assert.Equal(["68001", "68002"], facts.Select(f => f.Facility));
        Assert.Equal(facts[0].Rows, facts[1].Rows);
        var zip = Assert.Single(await warehouse.Engine.QueryAsync<(string Status, string Rule)>(
            "SELECT s.status, v.rule FROM rpt.submissions s JOIN rpt.validation_issues v USING (submission_id) WHERE s.file_name = 'cdata.zip'"));
        Assert.Equal(("rejected", "claim.unknown_facility"), zip);
    }

    [Fact]
    public async Task ImportAsync_a_bad_envelope_is_rejected_whole_with_file_HOSO_MA_LK_and_field_in_validation_issues()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();

        var result = await ImportAsync(warehouse, "bad.xml", Envelope(ClaimXml.Hoso(Inpatient, Content.Base64),
            ClaimXml.Hoso(Exam4210 with { Admitted = "08042026" }, Content.Base64), ClaimXml.Hoso(Chronic with { VisitType = "12" }, Content.Inline)));

        Assert.True(result.IsRejected);
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim"));
        var issues = await warehouse.Engine.QueryAsync<(string File, string Location, string Rule, string Severity, string Message)>(
            "SELECT file_name, location, rule, severity, message FROM rpt.validation_issues ORDER BY location");
        Assert.Equal([("bad.xml", "HOSO 2, MA_LK EX1, trường NGAY_VAO", "claim.date", "error"), ("bad.xml", "HOSO 3, MA_LK CH1, trường MA_LOAI_KCB", "claim.visit_type", "error")],
            issues.Select(i => (i.File, i.Location, i.Rule, i.Severity)));
        Assert.Contains("'08042026'", issues[0].Message);
        Assert.Equal(("rejected", 0, 2), (result.Submission.Status, result.Submission.RowsLoaded, result.Submission.RowsRejected));
    }

    [Fact]
    public async Task ImportAsync_a_zip_loads_its_good_files_and_records_each_rejected_one()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        var files = Enumerable.Range(1, 40).Select(i => ($"hs/{i:000}.xml", ClaimXml.Envelope(new Xml1Claim($"Z{i}", Total: "100000", Insurer: "90000", CoPay: "10000",
            Drugs: "0", Supplies: "0", Admitted: i == 7 ? "07032024" : "202403070800", Discharged: null, VisitType: "01")))).ToList();
        files[19] = ("hs/020.xml", "<GIAMDINHHS><THONGTINHOSO><SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>@@@</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>");

        var result = await ImportAsync(warehouse, "lo-thang-3.zip", ClaimXml.Zip(files));

        Assert.Equal(("loaded", 38, 2), (result.Submission.Status, result.Submission.RowsLoaded, result.Submission.RowsRejected));
        Assert.Equal((38L, 3800000m), (await warehouse.Engine.QueryAsync<(long, decimal)>("SELECT count(*), sum(total_cost) FROM dw.fct_claim")).Single());
        var issues = await warehouse.Engine.QueryAsync<(string File, string Location, string Rule)>(
            "SELECT file_name, location, rule FROM rpt.validation_issues ORDER BY location");
        Assert.Equal([("lo-thang-3.zip", "tệp hs/007.xml, HOSO 1, MA_LK Z7, trường NGAY_VAO", "claim.date"), ("lo-thang-3.zip", "tệp hs/020.xml, HOSO 1, trường NOIDUNGFILE", "xml.base64")],
            issues);
        Assert.Contains(result.Issues, i => i.IsError);
        Assert.Contains("2/40 tệp", result.Submission.Message);
    }

    [Fact]
    public async Task ImportAsync_no_personal_field_of_the_XML_reaches_any_text_column_or_the_warehouse_file()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        var claim = new Xml1Claim("P1", Name: "Lê Thị Kín Đáo", CitizenId: "079188800001");
        await ImportAsync(warehouse, "p.xml", Envelope(ClaimXml.Hoso(claim, Content.Base64), ClaimXml.Hoso(claim with { ClaimId = "P2" }, Content.Inline)));
        await ImportAsync(warehouse, "p-bad.xml", Envelope(ClaimXml.Hoso(claim with { ClaimId = "P3", Admitted = "x" }, Content.Inline)));

        string[] secrets = ["Kín Đáo", "079188800001", "BN079188800001", "GD4797932176423", "198005120000", "19800512", "1980-05-12", "12/05/1980", "Đường Bí Mật", "0909123456"];
        var columns = await warehouse.Engine.QueryAsync<(string Schema, string Table, string Column)>("""
            SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.data_type = 'VARCHAR'
            """);
        Assert.NotEmpty(columns);
        foreach (var (schema, table, column) in columns)
            foreach (var secret in secrets)
                Assert.Empty(await warehouse.Engine.QueryAsync<string>($"SELECT \"{column}\" FROM \"{schema}\".\"{table}\" WHERE \"{column}\" LIKE @pattern",
                    new { pattern = $"%{secret}%" }));
        Assert.Equal(2, (await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim")).Count);
        var dated = await warehouse.Engine.QueryAsync<(string Schema, string Table, string Column)>("""
            SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.data_type = 'DATE' OR c.data_type LIKE 'TIMESTAMP%'
            """);
        Assert.NotEmpty(dated);
        foreach (var (schema, table, column) in dated)
            Assert.Empty(await warehouse.Engine.QueryAsync<DateTime>(
                $"SELECT CAST(\"{column}\" AS TIMESTAMP) FROM \"{schema}\".\"{table}\" WHERE CAST(\"{column}\" AS DATE) = DATE '1980-05-12'"));
    }
}
