using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Tests.Etl.Sources.Claims.Xml;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Loading.Details;

public sealed class ClaimDetailImportTests
{
    // An inpatient stay under QĐ 130: a drug and blood (both drugs), an examination, bed-days, a test, a supply, a procedure.
    private static readonly DetailLine[] InpatientDrugs = [new(1, "4", "40.17", 20, 500), new(2, "7", "M.01", 1, 350000)];
    private static readonly DetailLine[] InpatientServices =
    [
        new(1, "13", "02.1896", 1, 38700), new(2, "15", "K01.1923", 4, 250000), new(3, "1", "22.0120", 2, 50000),
        new(4, "10", "N03.02.070", 3, 5000, Supply: true), new(5, "8", "10.0001.0001", 1, 1200000),
    ];

    // An examination under QĐ 4210 (comma decimals): a drug, the examination, an X-ray.
    private static readonly DetailLine[] ExamDrugs = [new(1, "4", "40.5", 10, 1500)];
    private static readonly DetailLine[] ExamServices = [new(1, "13", "01.0001", 1, 30500), new(2, "2", "18.0001", 1, 65400)];

    private static readonly Xml1Claim Inpatient = DetailXml.Consistent(new Xml1Claim("IN1"), InpatientDrugs, InpatientServices);
    private static readonly Xml1Claim Exam4210 = DetailXml.Consistent(new Xml1Claim("EX1", Card: "HN4010123456789", VisitType: "1", Admitted: "202403020800",
        Discharged: "202403020930", Days: "0", Qd130: false, Icd: "I10"), ExamDrugs, ExamServices);
    private static readonly Xml1Claim AprilWithoutDetails = new("AP1", Admitted: "202404010800", Discharged: "202404031000", Days: "3");

    private static Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, byte[] content) => ClaimXmlWarehouse.ImportAsync(warehouse, name, content);

    private static Task<TempWarehouse> WarehouseWithFacilitiesAsync() => ClaimXmlWarehouse.WithFacilitiesAsync();

    private static byte[] Envelope(params string[] hosos) => ClaimXmlWarehouse.Envelope(hosos);

    private static Task<List<(string Claim, string Table, int Line, string Group, string Category, string Code, decimal Amount)>> LinesAsync(TempWarehouse w) =>
        w.Engine.QueryAsync<(string, string, int, string, string, string, decimal)>("""
            SELECT claim_id, source_table, line_no, cost_group, category, item_code, amount FROM rpt.claim_details
            ORDER BY claim_id, source_table, line_no
            """);

    [Fact]
    public async Task ImportAsync_XML2_and_XML3_of_both_standards_are_stored_with_their_category_and_feed_the_monthly_sums_and_indicators()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();

        var result = await ImportAsync(warehouse, "XML_chi_tiet.xml", Envelope(DetailXml.Hoso(Inpatient, InpatientDrugs, InpatientServices, inline: false),
            DetailXml.Hoso(Exam4210, ExamDrugs, ExamServices, inline: true), ClaimXml.Hoso(AprilWithoutDetails, Content.Base64, withXml2: false)));

        Assert.Equal(("loaded", 3), (result.Submission.Status, result.Submission.RowsLoaded));
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT rule FROM rpt.validation_issues WHERE rule LIKE 'claim_detail%'"));
        Assert.Equal([
            ("EX1", "XML2", 1, "4", "drug", "40.5", 15000m), ("EX1", "XML3", 1, "13", "examination", "01.0001", 30500m),
            ("EX1", "XML3", 2, "2", "services", "18.0001", 65400m),
            ("IN1", "XML2", 1, "4", "drug", "40.17", 10000m), ("IN1", "XML2", 2, "7", "drug", "M.01", 350000m),
            ("IN1", "XML3", 1, "13", "examination", "02.1896", 38700m), ("IN1", "XML3", 2, "15", "bed_day", "K01.1923", 1000000m),
            ("IN1", "XML3", 3, "1", "services", "22.0120", 100000m), ("IN1", "XML3", 4, "10", "supplies", "N03.02.070", 15000m),
            ("IN1", "XML3", 5, "8", "services", "10.0001.0001", 1200000m),
        ], await LinesAsync(warehouse));

        var monthly = await warehouse.Engine.QueryAsync<(DateTime Month, string Type, decimal? Services, decimal? Exam, decimal? Bed, long WithDetails, long Claims)>("""
            SELECT month, visit_type, services_cost, examination_cost, bed_day_cost, claims_with_details, claims FROM rpt.claims_monthly ORDER BY month, visit_type
            """);
        Assert.Equal([
            (new DateTime(2024, 3, 1), "exam", 65400m, 30500m, 0m, 1L, 1L), (new DateTime(2024, 3, 1), "inpatient", 1300000m, 38700m, 1000000m, 1L, 1L),
            (new DateTime(2024, 4, 1), "inpatient", null, null, null, 0L, 1L),
        ], monthly);

        var indicators = await warehouse.Engine.QueryAsync<(string Period, string Indicator, decimal Value)>("""
            SELECT period_label, indicator_code, value FROM rpt.indicator_values
            WHERE source = 'claims' AND unit_code = '68' AND indicator_code IN ('spend_services', 'spend_exam_bed') ORDER BY period_label, indicator_code
            """);
        Assert.Equal([("2024", "spend_exam_bed", 1.0692m), ("2024", "spend_services", 1.3654m),
            ("2024-03", "spend_exam_bed", 1.0692m), ("2024-03", "spend_services", 1.3654m)], indicators);
        Assert.Contains("2 hồ sơ có bảng chi tiết XML2/XML3 (10 dòng)", result.Submission.Message);
    }

    [Fact]
    public async Task ImportAsync_the_same_lines_as_base64_or_inline_give_identical_detail_rows()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        await ImportAsync(warehouse, "base64.xml", Envelope(DetailXml.Hoso(Inpatient, InpatientDrugs, InpatientServices, inline: false),
            DetailXml.Hoso(Exam4210, ExamDrugs, ExamServices, inline: false)));
        await ImportAsync(warehouse, "inline.xml", Envelope(DetailXml.Hoso(Inpatient with { Facility = "68002" }, InpatientDrugs, InpatientServices, inline: true),
            DetailXml.Hoso(Exam4210 with { Facility = "68002" }, ExamDrugs, ExamServices, inline: true)));

        var rows = await warehouse.Engine.QueryAsync<(string Facility, string Rows)>("""
            SELECT facility_code, string_agg(concat_ws('|', claim_id, month, source_table, line_no, cost_group, category, item_code, quantity, unit_price, amount,
                insured_amount, insurer_paid), ';' ORDER BY claim_id, source_table, line_no)
            FROM rpt.claim_details GROUP BY facility_code ORDER BY facility_code
            """);
        Assert.Equal(["68001", "68002"], rows.Select(r => r.Facility));
        Assert.Equal(rows[0].Rows, rows[1].Rows);
    }

    [Fact]
    public async Task ImportAsync_XML1_totals_that_differ_from_their_lines_are_a_warning_naming_the_file_the_claim_and_both_sums()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        var wrong = Inpatient with { ClaimId = "IN2", Drugs = "500000" };
        var rounded = Exam4210 with { ClaimId = "EX2", Total = "110900,60" }; // 0.60 đồng off over 3 lines: rounding, not a mismatch

        var result = await ImportAsync(warehouse, "lo.zip", ClaimXml.Zip([
            ("hs/1.xml", ClaimXml.Envelope([DetailXml.Hoso(wrong, InpatientDrugs, InpatientServices, inline: false)])),
            ("hs/2.xml", ClaimXml.Envelope([DetailXml.Hoso(rounded, ExamDrugs, ExamServices, inline: true), ClaimXml.Hoso(AprilWithoutDetails, Content.Inline, withXml2: false)])),
        ]));

        Assert.Equal(("loaded", 3), (result.Submission.Status, result.Submission.RowsLoaded));
        var issue = Assert.Single(await warehouse.Engine.QueryAsync<(string File, string Location, string Rule, string Severity, string Message)>(
            "SELECT file_name, location, rule, severity, message FROM rpt.validation_issues WHERE rule LIKE 'claim_detail%'"));
        Assert.Equal(("lo.zip", "tệp hs/1.xml, MA_LK IN2", "claim_detail.reconcile", "warning"), (issue.File, issue.Location, issue.Rule, issue.Severity));
        Assert.Contains("T_THUOC 500.000 đ ≠ tổng các dòng thuốc 360.000 đ", issue.Message);
        Assert.Equal(1, result.Submission.Warnings);
    }

    [Fact]
    public async Task ImportAsync_a_line_without_a_known_cost_group_falls_back_by_its_table_with_a_warning_naming_the_line()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        DetailLine[] drugs = [new(1, null, "40.17", 2, 1000), new(2, "04", "40.18", 1, 2000)];
        DetailLine[] services = [new(1, "99", "N03.01", 1, 3000, Supply: true), new(2, null, "13.0001", 1, 4000), new(3, "18", "13.0002", 1, 5000)];

        await ImportAsync(warehouse, "nhom.xml", Envelope(DetailXml.Hoso(DetailXml.Consistent(new Xml1Claim("G1"), drugs, services), drugs, services, inline: true)));

        Assert.Equal(["drug", "drug", "supplies", "services", "services"], (await LinesAsync(warehouse)).Select(l => l.Category));
        var warnings = await warehouse.Engine.QueryAsync<(string Location, string Message)>(
            "SELECT location, message FROM rpt.validation_issues WHERE rule = 'claim_detail.cost_group' ORDER BY location");
        Assert.Equal(["HOSO 1, MA_LK G1, XML2 dòng STT 1, trường MA_NHOM", "HOSO 1, MA_LK G1, XML3 dòng STT 1, trường MA_NHOM", "HOSO 1, MA_LK G1, XML3 dòng STT 2, trường MA_NHOM"],
            warnings.Select(w => w.Location));
        Assert.Contains("'99'", warnings[1].Message);
        Assert.Contains("vật tư y tế", warnings[1].Message);
    }

    [Fact]
    public async Task ImportAsync_a_rejected_file_leaves_no_detail_row_alone_or_in_a_zip()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        var broken = Inpatient with { ClaimId = "BAD1", Admitted = "01032024" };

        var lone = await ImportAsync(warehouse, "bad.xml", Envelope(DetailXml.Hoso(broken, InpatientDrugs, InpatientServices, inline: false)));
        var zip = await ImportAsync(warehouse, "lo.zip", ClaimXml.Zip([
            ("a.xml", ClaimXml.Envelope([DetailXml.Hoso(Exam4210, ExamDrugs, ExamServices, inline: false)])),
            ("b.xml", ClaimXml.Envelope([DetailXml.Hoso(broken with { ClaimId = "EX1" }, InpatientDrugs, InpatientServices, inline: true)])),
        ]));

        Assert.True(lone.IsRejected);
        Assert.Equal(("loaded", 1, 1), (zip.Submission.Status, zip.Submission.RowsLoaded, zip.Submission.RowsRejected));
        Assert.Equal(["EX1|XML2|1", "EX1|XML3|1", "EX1|XML3|2"], (await LinesAsync(warehouse)).Select(l => $"{l.Claim}|{l.Table}|{l.Line}"));
        Assert.Equal(0L, (await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM etl.claim_detail_stage")).Single());
    }

    [Fact]
    public async Task ImportAsync_a_resubmitted_claim_keeps_only_its_latest_lines_and_counts_once()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        DetailLine[] corrected = [new(1, "13", "02.1896", 1, 38700), new(2, "15", "K01.1923", 5, 250000)];
        var resent = DetailXml.Consistent(new Xml1Claim("IN1"), InpatientDrugs, corrected);

        await ImportAsync(warehouse, "thang3.xml", Envelope(DetailXml.Hoso(Inpatient, InpatientDrugs, InpatientServices, inline: false)));
        var second = await ImportAsync(warehouse, "thang3-sua.xml", Envelope(DetailXml.Hoso(resent, InpatientDrugs, corrected, inline: true)));
        var again = await ImportAsync(warehouse, "thang3-sua-lan2.xml", Envelope(DetailXml.Hoso(resent, InpatientDrugs, corrected, inline: false)));

        Assert.Equal(1, second.Submission.RowsLoaded);
        Assert.Equal(0, again.Submission.RowsLoaded);
        Assert.Equal(["XML2|1", "XML2|2", "XML3|1", "XML3|2"], (await LinesAsync(warehouse)).Select(l => $"{l.Table}|{l.Line}"));
        Assert.Equal([second.Submission.SubmissionId], await warehouse.Engine.QueryAsync<long>("SELECT DISTINCT submission_id FROM rpt.claim_details"));
        var monthly = (await warehouse.Engine.QueryAsync<(long Claims, long WithDetails, decimal? Services, decimal? Bed)>(
            "SELECT claims, claims_with_details, services_cost, bed_day_cost FROM rpt.claims_monthly")).Single();
        Assert.Equal((1L, 1L, 0m, 1250000m), monthly);
    }

    [Fact]
    public async Task ImportAsync_a_claim_repeated_in_one_file_keeps_the_lines_of_its_last_HOSO()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        DetailLine[] corrected = [new(1, "13", "02.1896", 1, 38700)];
        var last = DetailXml.Consistent(new Xml1Claim("IN1"), [], corrected);

        var result = await ImportAsync(warehouse, "lap.xml", Envelope(DetailXml.Hoso(Inpatient, InpatientDrugs, InpatientServices, inline: false),
            DetailXml.Hoso(last, [], corrected, inline: true)));

        Assert.Equal(1, result.Submission.RowsLoaded);
        Assert.Equal([("IN1", "XML3", 1, "13", "examination", "02.1896", 38700m)], await LinesAsync(warehouse));
        Assert.Empty(await warehouse.Engine.QueryAsync<string>("SELECT rule FROM rpt.validation_issues WHERE rule LIKE 'claim_detail%'"));
    }

    [Fact]
    public async Task ImportAsync_lines_sent_later_for_a_claim_loaded_without_them_are_stored()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();

        await ImportAsync(warehouse, "xml1.xml", Envelope(ClaimXml.Hoso(Inpatient, Content.Base64, withXml2: false)));
        var withLines = await ImportAsync(warehouse, "day-du.xml", Envelope(DetailXml.Hoso(Inpatient, InpatientDrugs, InpatientServices, inline: false)));

        Assert.Equal(1, withLines.Submission.RowsLoaded);
        Assert.Equal(7, (await LinesAsync(warehouse)).Count);
        Assert.Equal((1L, 1L), (await warehouse.Engine.QueryAsync<(long, long)>("SELECT claims, claims_with_details FROM rpt.claims_monthly")).Single());
    }

    [Fact]
    public async Task ImportAsync_no_personal_field_of_a_detail_line_reaches_a_text_column()
    {
        await using var warehouse = await WarehouseWithFacilitiesAsync();
        await ImportAsync(warehouse, "p.xml", Envelope(DetailXml.Hoso(Inpatient, InpatientDrugs, InpatientServices, inline: true)));

        string[] secrets = ["Bí Mật", "068123456789", "GD4797932176423", "BS0001", "NV01"];
        var columns = await warehouse.Engine.QueryAsync<(string Schema, string Table, string Column)>("""
            SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
            WHERE c.data_type = 'VARCHAR' AND c.table_name IN ('fct_claim_detail', 'claim_detail_stage', 'claim_details')
            """);
        Assert.True(columns.Count > 10);
        foreach (var (schema, table, column) in columns)
            foreach (var secret in secrets)
                Assert.Empty(await warehouse.Engine.QueryAsync<string>($"SELECT \"{column}\" FROM \"{schema}\".\"{table}\" WHERE \"{column}\" LIKE @pattern",
                    new { pattern = $"%{secret}%" }));
        Assert.Equal(7, (await LinesAsync(warehouse)).Count);
    }
}
