using System.Data.Common;
using Bhyt.Etl.Import;
using Bhyt.Etl.Loading;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Units;
using Dapper;

namespace Bhyt.Tests.Etl.Loading;

/// <summary>
/// Issue 17 item 6: a claims file rebuilds only the (month, facility) groups it changed in <c>dw.fct_claims_monthly</c> and
/// <c>dw.fct_facility_month</c>, and only the units containing those facilities in the claims-derived indicators. After
/// files that add claims to months already loaded (cards seen before in the month, a resubmission moving a claim to another
/// month, a row repeated in the file, an unchanged row), every aggregate equals its recomputation from scratch.
/// </summary>
public class ClaimAggregatesTests
{
    private const string Facilities = """
        MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code
        68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672
        68002,Trạm y tế,4,public,24778
        68003,Phòng khám,4,private,24778

        """;

    private const string Header = "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU";

    private static string Claim(string id, string card, string facility, string day, decimal total, string type = "1", int days = 0, string residence = "68") =>
        $"{id},GD47979321764{card},{facility},{type},{day}0800,{day}0900,{days},J18,{total},{total * 0.8m},{total * 0.2m},{total * 0.3m},{total * 0.1m},{residence}";

    private static string File(params string[] claims) => Header + "\n" + string.Join("\n", claims) + "\n";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, string content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await System.IO.File.WriteAllTextAsync(path, content);
        var result = await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
        Assert.Equal("loaded", result.Submission.Status);
        return result;
    }

    private static async Task<TempWarehouse> LoadedTwiceAsync()
    {
        var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fac.csv", Facilities);
        await ImportAsync(warehouse, "t3.csv", File(
            Claim("A1", "01", "68001", "20240305", 100000), Claim("A2", "02", "68001", "20240306", 200000),
            Claim("A3", "01", "68001", "20240402", 300000, "3", 4), Claim("B1", "03", "68002", "20240307", 50000, residence: "79"),
            Claim("B2", "01", "68002", "20240308", 60000), Claim("C1", "05", "68003", "20240309", 70000)));
        await ImportAsync(warehouse, "t3-bo-sung.csv", File(
            Claim("A4", "01", "68001", "20240310", 110000), Claim("A5", "04", "68001", "20240311", 400000, "3", 2, "79"),
            Claim("A6", "06", "68001", "20240312", 10000), Claim("A6", "06", "68001", "20240312", 12000),
            Claim("A2", "02", "68001", "20240306", 200000), Claim("B1", "03", "68002", "20240501", 55000, residence: "79")));
        return warehouse;
    }

    [Fact]
    public async Task ImportAsync_second_file_into_loaded_months_gives_the_monthly_aggregate_of_a_full_rebuild()
    {
        await using var warehouse = await LoadedTwiceAsync();
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);

        var stored = await MonthlyAsync(connection, "SELECT * FROM dw.fct_claims_monthly");
        var rebuilt = await MonthlyAsync(connection, MonthlyFromScratch);

        Assert.Equal(rebuilt, stored);
        // A4 is a card already counted in March at 68001: three claims, two patients (not the sum of the files' counts).
        Assert.Contains(stored, r => r.StartsWith("March 68001 exam 4 claims 3 patients", StringComparison.Ordinal));
        Assert.Contains(stored, r => r.StartsWith("May 68002 exam 1 claims 1 patients", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, r => r.StartsWith("March 68002 exam 2 claims", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_second_file_rebuilds_only_the_groups_it_touched()
    {
        await using var warehouse = await LoadedTwiceAsync();
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);

        var refreshed = (await connection.QueryAsync<(string Group, DateTime At)>("""
            SELECT p.label || ' ' || m.facility_code || ' ' || m.visit_type, m.refreshed_at
            FROM dw.fct_claims_monthly m JOIN dw.dim_period p ON p.period_key = m.month_key
            """)).ToDictionary(r => r.Group, r => r.At);

        // 68001's April and 68003 were only in the first file; 68001's March, 68002's March (B1 moved out) and May were touched.
        var first = refreshed["2024-04 68001 inpatient"];
        Assert.Equal(first, refreshed["2024-03 68003 exam"]);
        Assert.All(["2024-03 68001 exam", "2024-03 68001 inpatient", "2024-03 68002 exam", "2024-05 68002 exam"], g => Assert.True(refreshed[g] > first, g));
        Assert.Equal(6, refreshed.Count);
    }

    [Fact]
    public async Task ImportAsync_second_file_gives_the_facility_month_profiles_of_a_full_rebuild()
    {
        await using var warehouse = await LoadedTwiceAsync();
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);

        var stored = await RowsAsync(connection, """
            SELECT month_key, facility_key, facility_code, claims, cards, out_of_province_cards, inpatient, inpatient_days, total_cost, inpatient_cost,
                   round(outpatient_cost_squares, 2), round(inpatient_cost_squares, 2), insurer_paid, drug_cost, supplies_cost, outpatient_costed,
                   round(outpatient_log_cost, 9), round(outpatient_log_squares, 9), inpatient_costed, round(inpatient_log_cost, 9), round(inpatient_log_squares, 9)
            FROM dw.fct_facility_month ORDER BY month_key, facility_code
            """);
        var rebuilt = await RowsAsync(connection, ProfilesFromScratch);

        Assert.Equal(rebuilt, stored);
        Assert.Equal(5, stored.Count);
        var march = await MonthKeyAsync(connection, "2024-03");
        // 68001 in March: A1, A2, A4, A5 and A6 once; cards 01, 02, 04, 06; one resident of another province (A5).
        Assert.Contains(stored, r => r.StartsWith($"{march}|1|68001|5|4|1|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_second_file_gives_the_claims_indicators_of_a_full_rebuild()
    {
        await using var warehouse = await LoadedTwiceAsync();
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        const string Current = """
            SELECT u.unit_code || ' ' || p.label || ' ' || i.code || ' ' || f.source || ' ' || coalesce(f.source_ref, '') || ' ' || CAST(f.value AS VARCHAR)
            FROM dw.fct_indicator_value f
            JOIN dw.dim_unit u ON u.unit_key = f.unit_key JOIN dw.dim_period p ON p.period_key = f.period_key
            JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key
            WHERE f.is_current AND (f.source = 'claims' OR f.derived_from = 'claims')
            ORDER BY 1
            """;
        var stored = (await connection.QueryAsync<string>(Current)).ToList();

        await using var transaction = await connection.BeginTransactionAsync();
        var deriver = new ClaimIndicatorDeriver(warehouse.Engine, await UnitDirectory.LoadAsync(warehouse.Engine, CancellationToken.None));
        await deriver.DeriveAsync(connection, transaction, await MonthsAsync(connection), CancellationToken.None);
        var rebuilt = (await connection.QueryAsync<string>(Current, transaction: transaction)).ToList();
        await transaction.RollbackAsync();

        Assert.Equal(rebuilt, stored);
        Assert.Contains(stored, v => v.StartsWith("68 2024-03 kcb_visits claims", StringComparison.Ordinal) && v.EndsWith(" 7.000000", StringComparison.Ordinal));
    }

    private static async Task<List<int>> MonthsAsync(DbConnection connection) =>
        (await connection.QueryAsync<int>("SELECT DISTINCT month_key FROM dw.fct_claim")).ToList();

    private static Task<int> MonthKeyAsync(DbConnection connection, string label) =>
        connection.QuerySingleAsync<int>("SELECT period_key FROM dw.dim_period WHERE kind = 'month' AND label = $label", new { label });

    // The monthly aggregate of every claim, computed here from the definition (issue 17), not by the loader's SQL.
    private const string MonthlyFromScratch = """
        SELECT c.month_key, f.province_code, c.facility_key, c.facility_code, f.tier AS facility_tier, c.visit_type, count(*) AS claims,
               count(DISTINCT c.card_pseudonym) AS patients, coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.length_of_stay END), 0) AS bed_days,
               sum(c.total_cost) AS total_cost, coalesce(sum(c.insurer_paid), 0) AS insurer_paid, coalesce(sum(c.drug_cost), 0) AS drug_cost,
               coalesce(sum(c.supplies_cost), 0) AS supplies_cost, coalesce(sum(d.services), 0) AS services_cost,
               coalesce(sum(d.examination), 0) AS examination_cost, coalesce(sum(d.bed_days), 0) AS bed_day_cost, count(d.claim_key) AS claims_with_details
        FROM dw.fct_claim c
        LEFT JOIN dw.dim_facility f ON f.facility_key = c.facility_key
        LEFT JOIN (SELECT claim_key, sum(CASE WHEN category = 'services' THEN amount END) AS services,
                          sum(CASE WHEN category = 'examination' THEN amount END) AS examination, sum(CASE WHEN category = 'bed_day' THEN amount END) AS bed_days
                   FROM dw.fct_claim_detail GROUP BY claim_key) d ON d.claim_key = c.claim_key
        GROUP BY c.month_key, f.province_code, c.facility_key, c.facility_code, f.tier, c.visit_type
        """;

    // The facility-month profiles of every claim, from their definition (sql/duckdb/0012, 0017).
    private const string ProfilesFromScratch = """
        SELECT c.month_key, c.facility_key, c.facility_code, count(*), count(DISTINCT c.card_pseudonym),
               count(DISTINCT CASE WHEN c.residence_province <> f.province_code THEN c.card_pseudonym END),
               sum(CASE WHEN c.visit_type = 'inpatient' THEN 1 ELSE 0 END), coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.length_of_stay END), 0),
               sum(c.total_cost), coalesce(sum(CASE WHEN c.visit_type = 'inpatient' THEN c.total_cost END), 0),
               round(sum(CASE WHEN c.visit_type <> 'inpatient' THEN CAST(c.total_cost AS DOUBLE) ^ 2 ELSE 0 END), 2),
               round(sum(CASE WHEN c.visit_type = 'inpatient' THEN CAST(c.total_cost AS DOUBLE) ^ 2 ELSE 0 END), 2),
               coalesce(sum(c.insurer_paid), 0), coalesce(sum(c.drug_cost), 0), coalesce(sum(c.supplies_cost), 0),
               sum(CASE WHEN c.visit_type <> 'inpatient' AND c.total_cost > 0 THEN 1 ELSE 0 END),
               round(coalesce(sum(CASE WHEN c.visit_type <> 'inpatient' AND c.total_cost > 0 THEN ln(c.total_cost) END), 0), 9),
               round(coalesce(sum(CASE WHEN c.visit_type <> 'inpatient' AND c.total_cost > 0 THEN ln(c.total_cost) ^ 2 END), 0), 9),
               sum(CASE WHEN c.visit_type = 'inpatient' AND c.total_cost > 0 THEN 1 ELSE 0 END),
               round(coalesce(sum(CASE WHEN c.visit_type = 'inpatient' AND c.total_cost > 0 THEN ln(c.total_cost) END), 0), 9),
               round(coalesce(sum(CASE WHEN c.visit_type = 'inpatient' AND c.total_cost > 0 THEN ln(c.total_cost) ^ 2 END), 0), 9)
        FROM dw.fct_claim c LEFT JOIN dw.dim_facility f ON f.facility_key = c.facility_key
        GROUP BY c.month_key, c.facility_key, c.facility_code
        ORDER BY c.month_key, c.facility_code
        """;

    /// <summary>Each monthly row as text (the refresh time left out), ordered.</summary>
    private static async Task<List<string>> MonthlyAsync(DbConnection connection, string select)
    {
        var rows = await connection.QueryAsync($"""
            SELECT strftime(p.start_date, '%B') || ' ' || m.facility_code || ' ' || m.visit_type || ' ' || m.claims || ' claims ' || m.patients || ' patients '
                   || concat_ws(' ', m.province_code, m.facility_key, m.facility_tier, m.bed_days, m.total_cost, m.insurer_paid, m.drug_cost, m.supplies_cost,
                                m.services_cost, m.examination_cost, m.bed_day_cost, m.claims_with_details) AS line
            FROM ({select}) m
            JOIN dw.dim_period p ON p.period_key = m.month_key
            ORDER BY 1
            """);
        return rows.Select(r => (string)r.line).ToList();
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql) =>
        (await connection.QueryAsync(sql)).Select(r => string.Join("|", ((IDictionary<string, object?>)r).Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
}
