using static Bhyt.Tests.Support.SubmissionRows;
using Bhyt.Etl.Alerts;
using Bhyt.Etl.Alerts.Delivery;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Alerts;

/// <summary>
/// The submission_late condition on a real warehouse loaded through the import path: the warehouse's latest month is the
/// clock; a unit that sent the month before but not the latest one is late once the rule's days have passed.
/// </summary>
public sealed class LateSubmissionsTests
{
    private static Task<AlertSummary> EvaluateAsync(TempWarehouse warehouse, DateTime now) =>
        new AlertRun(warehouse.Engine, DeliverySettings.From(_ => null), [], new ManualClock(now)).EvaluateAsync(CancellationToken.None);

    [Fact]
    public async Task EvaluateAsync_unit_silent_for_the_latest_month_is_late_after_the_rules_days_and_only_then()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // Lục Ngạn and Lục Nam sent June; only Lục Nam sent July. Yên Dũng (223) sent nothing in June: it is not expected in July.
        await ImportAsync(warehouse,
            "219,,2021-06,cov_participants,99.100,", "218,,2021-06,cov_participants,190.800,",
            "218,,2021-07,cov_participants,190.300,", "223,,2021-05,cov_participants,150.000,");

        var early = await EvaluateAsync(warehouse, new DateTime(2021, 8, 10, 0, 0, 0, DateTimeKind.Utc));
        var late = await EvaluateAsync(warehouse, new DateTime(2021, 8, 16, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(0, early.Fired);
        Assert.Equal(1, late.Fired);
        var (rule, unit, period, message) = Assert.Single(await warehouse.Engine.QueryAsync<(string, string, string, string)>(
            "SELECT \"rule\", unit_code, period_label, message FROM rpt.alerts"));
        Assert.Equal(("submission_late", "219", "2021-07"), (rule, unit, period));
        Assert.Equal("Huyện Lục Ngạn chưa gửi số liệu kỳ 2021-07 (16 ngày sau khi kỳ kết thúc), dù đã gửi kỳ 2021-06 và các đơn vị khác đã gửi kỳ 2021-07.", message);
    }

    [Fact]
    public async Task EvaluateAsync_late_alert_resolves_when_the_submission_arrives()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "219,,2021-06,cov_participants,99.100,", "218,,2021-06,cov_participants,190.800,", "218,,2021-07,cov_participants,190.300,");
        var now = new DateTime(2021, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        await EvaluateAsync(warehouse, now);

        await ImportAsync(warehouse, "219,,2021-07,cov_participants,87.210,");
        var arrived = await EvaluateAsync(warehouse, now);

        Assert.Equal((1, 0), (arrived.Resolved, arrived.Active));
    }
}
