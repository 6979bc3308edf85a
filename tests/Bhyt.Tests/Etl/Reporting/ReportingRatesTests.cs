using Bhyt.Etl.Alerts;
using Bhyt.Etl.Alerts.Delivery;
using Bhyt.Etl.Import;
using Bhyt.Tests.Etl.Alerts;
using Bhyt.Tests.Support;
using static Bhyt.Tests.Support.SubmissionRows;

namespace Bhyt.Tests.Etl.Reporting;

/// <summary>
/// Reporting completeness and timeliness on a real warehouse: a schedule imported like any file is expanded into the
/// reports each unit owes; rpt.reporting_status and rpt.reporting_rates say, from the facts, who sent on time, late or
/// not at all; the submission_late alert follows the schedule's deadlines.
/// </summary>
public sealed class ReportingRatesTests
{
    private const string Header = "parent_code,level,period,every,forms,due,name";

    private static async Task<ImportResult> ImportScheduleAsync(TempWarehouse warehouse, params string[] lines)
    {
        var path = Path.Combine(warehouse.Directory, $"lich-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, [Header, .. lines]);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
    }

    private static Task<List<(string Unit, string Period, int? Form, string Status, long DaysLate)>> StatusAsync(TempWarehouse warehouse) =>
        warehouse.Engine.QueryAsync<(string, string, int?, string, long)>(
            "SELECT unit_code, period_label, form, status, days_late FROM rpt.reporting_status ORDER BY unit_code, period_label, form");

    [Fact]
    public async Task ReportingStatus_each_expected_report_is_on_time_late_missing_or_pending_from_the_facts()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "219,,2021-07,cov_participants,87.210,", "218,,2021-07,cov_participants,190.300,");
        var today = DateOnly.FromDateTime(DateTime.Today);

        var schedule = await ImportScheduleAsync(warehouse,
            "219,district,2021-07,,4;9,01/01/2099,Tháng 7",   // form 4 arrived before its deadline; form 9 is not due yet
            "218,district,2021-07,,4,2021-08-20,Tháng 7",     // arrived years after the deadline
            "223,district,2021-07,,4,2021-08-20,Tháng 7");    // nothing arrived

        Assert.False(schedule.IsRejected, string.Join("; ", schedule.Issues.Select(i => i.Message)));
        Assert.Equal(4, schedule.Submission.RowsLoaded);
        Assert.Equal([
            ("218", "2021-07", 4, "late", (long)(today.DayNumber - new DateOnly(2021, 8, 20).DayNumber)),
            ("219", "2021-07", 4, "on_time", 0L),
            ("219", "2021-07", 9, "pending", 0L),
            ("223", "2021-07", 4, "missing", (long)(today.DayNumber - new DateOnly(2021, 8, 20).DayNumber)),
        ], await StatusAsync(warehouse));
    }

    [Fact]
    public async Task ReportingRates_a_provinces_monthly_plan_counts_every_district_valid_at_the_period_end()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "219,,2021-07-15,cov_participants,87.210,", "218,,2021-07,cov_participants,190.300,", "218,,2021-08,cov_participants,190.100,");

        await ImportScheduleAsync(warehouse, "24,huyện,2021-Q3,tháng,4,+20,Báo cáo tháng");

        var districts = (await warehouse.Engine.QueryAsync<long>(
            "SELECT count(*) FROM rpt.units WHERE parent_code = '24' AND level = 'district' AND valid_from <= DATE '2021-09-30' AND (valid_to IS NULL OR valid_to >= DATE '2021-09-30')"))[0];
        var rates = await warehouse.Engine.QueryAsync<(string Period, long Expected, long Received, long Late, long Missing, decimal Rate)>(
            "SELECT period_label, expected, received, late, missing, reporting_rate FROM rpt.reporting_rates WHERE parent_code = '24' ORDER BY period_label");

        Assert.True(districts >= 9, $"Bắc Giang had {districts} districts");
        Assert.Equal(["2021-07", "2021-08", "2021-09"], rates.Select(r => r.Period));
        // July: Lục Ngạn's date figure and Lục Nam's month both fall inside the month; August only Lục Nam; September nobody.
        Assert.Equal((districts, 2L, 2L, districts - 2), (rates[0].Expected, rates[0].Received, rates[0].Late, rates[0].Missing));
        Assert.Equal((1L, districts - 1), (rates[1].Received, rates[1].Missing));
        Assert.Equal((0L, 0m), (rates[2].Received, rates[2].Rate));
        Assert.Equal(Math.Round(100m * 2 / districts, 1), rates[0].Rate);
    }

    [Fact]
    public async Task Import_a_newer_schedule_replaces_only_the_plan_of_the_same_name()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportScheduleAsync(warehouse, "219,district,2021,,4,31/03/2022,Năm", "219,district,2021-Q1,,4,+30,Quý");

        await ImportScheduleAsync(warehouse, "218,district,2021,,4-5,31/03/2022,Năm");

        Assert.Equal([("Năm", "218", 4), ("Năm", "218", 5), ("Quý", "219", 4)], await warehouse.Engine.QueryAsync<(string, string, int)>(
            "SELECT schedule_name, unit_code, form FROM rpt.reporting_status ORDER BY schedule_name, unit_code, form"));
    }

    [Fact]
    public async Task Import_schedule_with_bad_cells_is_rejected_naming_row_and_column_and_keeps_the_loaded_plan()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportScheduleAsync(warehouse, "219,district,2021,,4,31/03/2022,Năm");

        var result = await ImportScheduleAsync(warehouse,
            "219,thôn,2021,,4,31/03/2022,Năm",
            "219,district,năm ngoái,,4,31/03/2022,Năm",
            "219,district,2021,,4;10,31/03/2022,Năm",
            "219,district,2021,,4,31/02/2022,Năm",
            "99999,district,2021,,4,31/03/2022,Năm",
            "219,district,2021,tuần,4,+10,Năm");

        Assert.True(result.IsRejected);
        Assert.Equal([
            ("dòng 2, cột level", "schedule.level"), ("dòng 3, cột period", "schedule.period"), ("dòng 4, cột forms", "schedule.forms"),
            ("dòng 5, cột due", "schedule.due"), ("dòng 7, cột every", "schedule.every"), ("dòng 6, cột parent_code", "schedule.parent"),
        ], result.Issues.Select(i => (i.Location, i.Rule)));
        Assert.Equal([("219", 4)], await warehouse.Engine.QueryAsync<(string, int)>("SELECT unit_code, form FROM rpt.reporting_status"));
    }

    [Fact]
    public async Task EvaluateAsync_with_a_schedule_raises_submission_late_for_each_unit_and_period_past_its_deadline()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // Without a schedule Lục Ngạn would be late by inference (it sent June, not July); the schedule decides instead.
        await ImportAsync(warehouse, "219,,2021-06,cov_participants,99.100,", "218,,2021-06,cov_participants,190.800,", "218,,2021-07,cov_participants,190.300,");
        await ImportScheduleAsync(warehouse, "218,district,2021-07,,4;9,2021-08-20,Tháng 7", "219,district,2021-07,,4,2021-09-30,Tháng 7");
        Task<AlertSummary> EvaluateAsync(DateTime now) =>
            new AlertRun(warehouse.Engine, DeliverySettings.From(_ => null), [], new ManualClock(now)).EvaluateAsync(CancellationToken.None);

        var beforeDeadlines = await EvaluateAsync(new DateTime(2021, 8, 20, 12, 0, 0, DateTimeKind.Utc));
        var afterFirst = await EvaluateAsync(new DateTime(2021, 8, 25, 7, 0, 0, DateTimeKind.Utc));

        Assert.Equal(0, beforeDeadlines.Fired);
        Assert.Equal(1, afterFirst.Fired);
        var (rule, unit, period, message) = Assert.Single(await warehouse.Engine.QueryAsync<(string, string, string, string)>(
            "SELECT \"rule\", unit_code, period_label, message FROM rpt.alerts"));
        Assert.Equal(("submission_late", "218", "2021-07"), (rule, unit, period));
        Assert.Equal("Huyện Lục Nam chưa gửi báo cáo kỳ 2021-07 (phụ lục 9), hạn 20/08/2021, đã quá 5 ngày.", message);
    }
}
