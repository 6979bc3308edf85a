using System.Text.Json;
using Bhyt.Etl.Cli;
using Bhyt.Etl.Verification;
using Bhyt.Tests.Etl.Cli;
using Bhyt.Tests.Support;
using Dapper;

namespace Bhyt.Tests.Etl.Verification;

[Collection("Console")]
public class VerifyCommandTests(ImportedWarehouseFixture loaded) : IClassFixture<ImportedWarehouseFixture>
{
    private sealed record Finding(string Code, string Table, long Count, string[] Examples, string Message);

    private static async Task<(CliRun Run, List<Finding> Findings)> VerifyAsync(TempWarehouse warehouse)
    {
        var run = await CliRun.RunAsync("verify", "--warehouse", warehouse.Path, "--json");
        var findings = JsonSerializer.Deserialize<List<Finding>>(run.Out, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
        return (run, findings);
    }

    private static async Task ExecuteAsync(TempWarehouse warehouse, string sql, object? parameters = null)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        Assert.True(await connection.ExecuteAsync(warehouse.Engine.Sql(sql), parameters) >= 1, sql);
    }

    [Fact]
    public async Task Verify_imported_warehouse_with_history_is_clean_and_exits_0()
    {
        await using var warehouse = loaded.Copy();

        var run = await CliRun.RunAsync("verify", "--warehouse", warehouse.Path);
        var superseded = (await warehouse.Engine.QueryAsync<(string Source, long Count)>("SELECT source, count(*) FROM dw.fct_indicator_value WHERE superseded_by IS NOT NULL GROUP BY source")).ToDictionary(r => r.Source, r => r.Count);
        var versions = await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claim_version");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("không có phát hiện nào", run.Out);
        // the restated figure, and the claims-derived values the corrected claims changed (their spending)
        Assert.Equal(1L, superseded["submission"]);
        Assert.True(superseded["claims"] > 0, string.Join(", ", superseded));
        Assert.Equal([(long)ImportedWarehouseFixture.ResubmittedClaims], versions);
    }

    [Fact]
    public async Task Verify_value_pointing_at_a_missing_unit_reports_orphan_key_and_exits_1()
    {
        await using var warehouse = loaded.Copy();
        await ExecuteAsync(warehouse, """
            INSERT INTO dw.fct_indicator_value (value_id, unit_key, period_key, indicator_key, value_kind, value, source, is_current, loaded_at)
            SELECT value_id + 1000000, 987654, period_key, indicator_key, value_kind, value, 'claims', is_current, loaded_at
            FROM dw.fct_indicator_value WHERE value_id = (SELECT min(value_id) FROM dw.fct_indicator_value WHERE source = 'claims')
            """);

        var (run, findings) = await VerifyAsync(warehouse);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        var orphan = Assert.Single(findings);
        Assert.Equal((DimensionReferences.OrphanKey, "dw.fct_indicator_value", 1L), (orphan.Code, orphan.Table, orphan.Count));
        Assert.Equal(["unit_key = 987654 (1 dòng)"], orphan.Examples);
        Assert.Contains("dw.dim_unit", orphan.Message);
        Assert.Contains("dw.fct_indicator_value: 1 giá trị unit_key không có trong dw.dim_unit", run.Error);
    }

    [Fact]
    public async Task Verify_superseded_value_made_current_again_reports_two_current_values()
    {
        await using var warehouse = loaded.Copy();
        await ExecuteAsync(warehouse, "UPDATE dw.fct_indicator_value SET is_current = true WHERE superseded_by IS NOT NULL AND source = 'submission'");

        var (run, findings) = await VerifyAsync(warehouse);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        var twice = Assert.Single(findings, f => f.Code == ValueHistory.TwoCurrent);
        var (unit, period, indicator) = loaded.Restated;
        Assert.StartsWith($"{unit}/", Assert.Single(twice.Examples));
        Assert.Contains($" · {period} · {indicator} · actual · submission", twice.Examples[0]);
        Assert.Contains(findings, f => f.Code == ValueHistory.CurrentSuperseded);
        Assert.Equal([ValueHistory.CurrentSuperseded, ValueHistory.TwoCurrent], findings.Select(f => f.Code).Order());
    }

    [Fact]
    public async Task Verify_value_superseded_by_an_older_row_reports_bad_successor()
    {
        await using var warehouse = loaded.Copy();
        await ExecuteAsync(warehouse, "UPDATE dw.fct_indicator_value SET superseded_by = value_id WHERE superseded_by IS NOT NULL AND source = 'submission'");

        var (run, findings) = await VerifyAsync(warehouse);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        var loop = Assert.Single(findings);
        Assert.Equal(ValueHistory.BadSuccessor, loop.Code);
        Assert.EndsWith("(không mới hơn)", Assert.Single(loop.Examples));
    }

    [Fact]
    public async Task Verify_monthly_row_off_by_one_claim_reports_claims_monthly_mismatch()
    {
        await using var warehouse = loaded.Copy();
        var (month, facility, visit) = (await warehouse.Engine.QueryAsync<(int, string, string)>(
            "SELECT month_key, facility_code, visit_type FROM dw.fct_claims_monthly ORDER BY claims DESC, month_key, facility_code, visit_type LIMIT 1"))[0];
        await ExecuteAsync(warehouse, "UPDATE dw.fct_claims_monthly SET claims = claims + 1 WHERE month_key = @month AND facility_code = @facility AND visit_type = @visit",
            new { month, facility, visit });

        var (run, findings) = await VerifyAsync(warehouse);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        var mismatch = Assert.Single(findings);
        Assert.Equal((ClaimAggregates.MonthlyMismatch, "dw.fct_claims_monthly", 1L), (mismatch.Code, mismatch.Table, mismatch.Count));
        Assert.Contains($" · {facility} · {visit}: dw.fct_claim ", mismatch.Examples[0]);
    }

    [Fact]
    public async Task Verify_claims_indicator_changed_reports_claim_indicator_mismatch_for_its_province_and_year()
    {
        await using var warehouse = loaded.Copy();
        var (valueId, province, year) = (await warehouse.Engine.QueryAsync<(long, string, string)>("""
            SELECT v.value_id, u.unit_code, p.label FROM dw.fct_indicator_value v
            JOIN dw.dim_indicator i ON i.indicator_key = v.indicator_key JOIN dw.dim_unit u ON u.unit_key = v.unit_key
            JOIN dw.dim_period p ON p.period_key = v.period_key
            WHERE v.source = 'claims' AND v.is_current AND i.code = 'spend_kcb' AND u.level = 'province' AND p.kind = 'year'
            ORDER BY p.label LIMIT 1
            """))[0];
        await ExecuteAsync(warehouse, "UPDATE dw.fct_indicator_value SET value = value + 0.5 WHERE value_id = @valueId", new { valueId });

        var (run, findings) = await VerifyAsync(warehouse);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        var mismatch = Assert.Single(findings);
        Assert.Equal(ClaimIndicators.Mismatch, mismatch.Code);
        Assert.StartsWith($"{province} · {year} · spend_kcb: dw.fct_claim ", Assert.Single(mismatch.Examples));
    }

    [Fact]
    public async Task Verify_claims_file_with_a_wrong_row_count_reports_claim_count()
    {
        await using var warehouse = loaded.Copy();
        await ExecuteAsync(warehouse, "UPDATE etl.submission SET rows_loaded = rows_loaded - 1 WHERE submission_id = (SELECT min(submission_id) FROM etl.submission WHERE kind = 'claims')");

        var (run, findings) = await VerifyAsync(warehouse);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        var count = Assert.Single(findings);
        Assert.Equal((SubmissionCounts.ClaimCount, "etl.submission"), (count.Code, count.Table));
        // 2,980 claims still current and the 20 replaced since: the file loaded 3,000.
        Assert.EndsWith("rows_loaded 2999, trong kho 3000 hồ sơ", Assert.Single(count.Examples));
    }

    [Fact]
    public async Task Verify_facility_month_missing_its_inpatient_cost_reports_facility_month_mismatch()
    {
        await using var warehouse = loaded.Copy();
        var (month, facility) = (await warehouse.Engine.QueryAsync<(int, string)>(
            "SELECT month_key, facility_code FROM dw.fct_facility_month WHERE inpatient_cost > 0 ORDER BY month_key, facility_code LIMIT 1"))[0];
        await ExecuteAsync(warehouse, "UPDATE dw.fct_facility_month SET inpatient_cost = 0 WHERE month_key = @month AND facility_code = @facility", new { month, facility });

        var (run, findings) = await VerifyAsync(warehouse);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        var mismatch = Assert.Single(findings);
        Assert.Equal((ClaimAggregates.FacilityMonthMismatch, "dw.fct_facility_month", 1L), (mismatch.Code, mismatch.Table, mismatch.Count));
        Assert.Contains($" · {facility}: dw.fct_claim ", mismatch.Examples[0]);
    }

    [Fact]
    public async Task Verify_warehouse_never_initialised_exits_2_telling_to_run_init()
    {
        await using var warehouse = TempWarehouse.Empty();

        var run = await CliRun.RunAsync("verify", "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("chưa được khởi tạo", run.Error);
        Assert.Contains("bhyt init", run.Error);
    }
}
