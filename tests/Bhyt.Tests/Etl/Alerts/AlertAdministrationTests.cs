using Bhyt.Etl.Alerts;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Alerts;

public sealed class AlertAdministrationTests
{
    private static AlertRule Rule(string condition = AlertConditions.CoverageDrop, string? emails = null, string? webhooks = null, int repeat = 60) =>
        new(0, "coverage_drop", condition, "24", 3, "medium", null, emails, webhooks, repeat, true, "Giảm bao phủ Bắc Giang");

    [Theory]
    [InlineData("unknown_condition", null, null, 60)]
    [InlineData(AlertConditions.CoverageDrop, "khong-phai-thu", null, 60)]
    [InlineData(AlertConditions.CoverageDrop, null, "ftp://x.vn/hook", 60)]
    [InlineData(AlertConditions.CoverageDrop, null, null, 0)]
    public async Task SaveRuleAsync_invalid_rule_is_refused_and_nothing_is_stored(string condition, string? emails, string? webhooks, int repeat)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var before = await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM rpt.alert_rules");

        await Assert.ThrowsAsync<ArgumentException>(() => new AlertAdministration(warehouse.Engine)
            .SaveRuleAsync(Rule(condition, emails, webhooks, repeat), "admin", DateTime.UtcNow, CancellationToken.None));

        Assert.Equal(before, await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM rpt.alert_rules"));
    }

    [Fact]
    public async Task SaveRuleAsync_new_then_changed_rule_keeps_its_id_and_records_who()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var administration = new AlertAdministration(warehouse.Engine);

        var id = await administration.SaveRuleAsync(Rule(emails: "a@bhxh.vn; b@bhxh.vn"), "admin", DateTime.UtcNow, CancellationToken.None);
        await administration.SaveRuleAsync(Rule(webhooks: "https://hooks.bhxh.vn/bhyt") with { RuleId = id, Threshold = 5 }, "quantri2", DateTime.UtcNow,
            CancellationToken.None);

        var (threshold, emails, webhooks, by) = Assert.Single(await warehouse.Engine.QueryAsync<(double, string?, string?, string)>(
            "SELECT threshold, emails, webhooks, updated_by FROM rpt.alert_rules WHERE rule_id = @id", new { id }));
        Assert.Equal((5d, null, "https://hooks.bhxh.vn/bhyt", "quantri2"), (threshold, emails, webhooks, by));
    }

    [Fact]
    public async Task SaveRuleAsync_second_rule_of_one_code_for_one_unit_is_refused()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var administration = new AlertAdministration(warehouse.Engine);
        await administration.SaveRuleAsync(Rule(), "admin", DateTime.UtcNow, CancellationToken.None);

        var twin = await Assert.ThrowsAsync<ArgumentException>(() => administration.SaveRuleAsync(Rule(), "admin", DateTime.UtcNow, CancellationToken.None));
        var countryTwin = await Assert.ThrowsAsync<ArgumentException>(() =>
            administration.SaveRuleAsync(Rule() with { UnitCode = null }, "admin", DateTime.UtcNow, CancellationToken.None));

        Assert.Contains("Đã có quy tắc 'coverage_drop' cho 24", twin.Message);
        Assert.Contains("toàn quốc", countryTwin.Message);
    }
}
