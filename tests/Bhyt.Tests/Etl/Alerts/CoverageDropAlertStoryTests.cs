using static Bhyt.Tests.Support.CoverageMonths;
using System.Text.Json;
using Bhyt.Etl.Alerts;
using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Cli;
using Bhyt.Tests.Support;
using netDumbster.smtp;

namespace Bhyt.Tests.Etl.Alerts;

/// <summary>
/// The "Done when" of issue 16 through the real CLI (<c>bhyt init / import / detect / alerts</c>) with a real SMTP server
/// (netDumbster) and a real webhook receiver on loopback. Bắc Giang (24): Lục Ngạn (219) falls from 99,1 % in June 2021
/// to 87,21 % in July as the state-paid group collapses (domain.md); Lục Nam (218), its neighbour, stays stable.
/// </summary>
[Collection("Console")]
public sealed class CoverageDropAlertStoryTests
{
    private const string Leader = "lanhdao@bhxh-bacgiang.vn";

    private static async Task<string> CsvAsync(TempWarehouse warehouse, string name, params IEnumerable<string>[] months)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await File.WriteAllLinesAsync(path, [Header, .. months.SelectMany(m => m)]);
        return path;
    }

    private static async Task<CliRun> BhytAsync(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        return run;
    }

    private static async Task<AlertSummary> AlertsAsync(TempWarehouse warehouse)
    {
        var run = await BhytAsync("alerts", "--warehouse", warehouse.Path, "--json");
        return JsonSerializer.Deserialize<AlertSummary>(run.Out, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
    }

    private sealed record Delivery(long AlertId, string Notice, string Channel, string Status, int Attempts, string? LastError);

    private static Task<List<Delivery>> DeliveriesAsync(TempWarehouse warehouse) =>
        warehouse.Engine.QueryAsync<Delivery>("""
            SELECT alert_id AS AlertId, notice AS Notice, channel AS Channel, status AS Status, attempts AS Attempts, last_error AS LastError
            FROM rpt.alert_deliveries ORDER BY delivery_id
            """);

    private sealed record Alert(long AlertId, string Rule, string UnitCode, string PeriodLabel, string Status, string Message, string? SuppressedBy);

    private static Task<List<Alert>> AlertsStoredAsync(TempWarehouse warehouse) =>
        warehouse.Engine.QueryAsync<Alert>("""
            SELECT alert_id AS AlertId, "rule" AS Rule, unit_code AS UnitCode, period_label AS PeriodLabel, status AS Status, message AS Message,
                   suppressed_by AS SuppressedBy
            FROM rpt.alerts ORDER BY alert_id
            """);

    [Fact]
    public async Task Alerts_lucngan_fall_alerts_once_by_mail_and_webhook_survives_a_downed_webhook_resolves_on_correction_and_obeys_silences()
    {
        using var smtp = SimpleSmtpServer.Start();
        using var webhook = new LoopbackWebhook("khoa-bi-mat-thu-nghiem");
        using var environment = new AlertEnvironment(smtp.Configuration.Port, webhook.Secret);
        await using var warehouse = TempWarehouse.Empty();
        await BhytAsync("init", "--warehouse", warehouse.Path);
        // The province's administrator sends coverage drops of Bắc Giang and below to its leader and its webhook (the
        // country-wide rule has no recipients: the most specific unit's rule wins).
        await new AlertAdministration(warehouse.Engine).SaveRuleAsync(new AlertRule(0, "coverage_drop", AlertConditions.CoverageDrop, "24", 3,
            "medium", null, Leader, webhook.Url, 1440, true, "Tỷ lệ bao phủ BHYT giảm mạnh"), "admin", DateTime.UtcNow, CancellationToken.None);

        var monthly = await CsvAsync(warehouse, "bac-giang-2021.csv",
            Month("219", "2021-05", 100_000, [10_000, 3_000, 40_000, 16_050, 30_000, 0], "99,05"),
            Month("219", "2021-06", 100_000, [10_000, 3_000, 40_000, 16_100, 30_000, 0], "99,1"),
            Month("219", "2021-07", 100_000, [10_000, 3_000, 28_110, 16_100, 30_000, 0], "87,21"),
            Month("218", "2021-05", 200_000, [30_000, 6_000, 70_000, 40_000, 44_000, 600], "95,3"),
            Month("218", "2021-06", 200_000, [30_000, 6_000, 70_000, 40_100, 44_100, 600], "95,4"),
            Month("218", "2021-07", 200_000, [30_100, 6_000, 69_500, 40_100, 44_000, 600], "95,15"));
        await BhytAsync("import", monthly, "--warehouse", warehouse.Path);
        await BhytAsync("detect", "--warehouse", warehouse.Path);
        var first = await AlertsAsync(warehouse);

        var alert = Assert.Single(await AlertsStoredAsync(warehouse));
        Assert.Equal(("coverage_drop", "219", "2021-07", "firing"), (alert.Rule, alert.UnitCode, alert.PeriodLabel, alert.Status));
        Assert.Contains("99,10 %", alert.Message);
        Assert.Contains("87,21 %", alert.Message);
        Assert.Contains("ngân sách Nhà nước", alert.Message);
        Assert.Equal((1, 2, 0), (first.Fired, first.Delivered, first.Failed));
        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal(Leader, Assert.Single(mail.ToAddresses).Address);
        Assert.Contains("Lục Ngạn", mail.Headers["Subject"] ?? "");
        var hook = Assert.Single(webhook.Requests);
        Assert.True(hook.SignatureValid);
        using (var payload = JsonDocument.Parse(hook.Body))
        {
            Assert.Equal("219", payload.RootElement.GetProperty("unit_code").GetString());
            Assert.Equal("firing", payload.RootElement.GetProperty("notice").GetString());
            Assert.Contains("87,21 %", payload.RootElement.GetProperty("message").GetString());
        }

        // Running detect and alerts again changes nothing: no new alert, no new delivery, nothing sent.
        await BhytAsync("detect", "--warehouse", warehouse.Path);
        var again = await AlertsAsync(warehouse);
        Assert.Equal((0, 0, 0, 0, 0), (again.Fired, again.Repeated, again.Resolved, again.Delivered, again.Failed));
        Assert.Single(await AlertsStoredAsync(warehouse));
        Assert.Equal(2, (await DeliveriesAsync(warehouse)).Count);
        Assert.Equal((1, 1), (smtp.ReceivedEmailCount, webhook.Requests.Count));

        // A correction clears the drop while the webhook is down: the resolved notice reaches the mailbox, the webhook's
        // is retried, shown failed with its error, and delivered on a later run once the webhook is back.
        webhook.GoDown();
        var correction = await CsvAsync(warehouse, "luc-ngan-2021-07-sua.csv",
            Month("219", "2021-07", 100_000, [10_000, 3_000, 39_800, 16_100, 30_000, 0], "98,9"));
        await BhytAsync("import", correction, "--warehouse", warehouse.Path);
        await BhytAsync("detect", "--warehouse", warehouse.Path);
        var resolvedRun = await AlertsAsync(warehouse);

        Assert.Equal((1, 1, 1), (resolvedRun.Resolved, resolvedRun.Delivered, resolvedRun.Failed));
        Assert.Equal("resolved", Assert.Single(await AlertsStoredAsync(warehouse)).Status);
        var failed = Assert.Single(await DeliveriesAsync(warehouse), d => d is { Notice: "resolved", Channel: "webhook" });
        Assert.Equal(("failed", 4), (failed.Status, failed.Attempts)); // the first try and BHYT_ALERT_RETRIES = 3 retries
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(2, smtp.ReceivedEmailCount);
        Assert.Single(smtp.ReceivedEmail, m => (m.Headers["Subject"] ?? "").Contains("Đã hết cảnh báo", StringComparison.Ordinal));

        webhook.ComeUp();
        var retried = await AlertsAsync(warehouse);
        Assert.Equal((1, 0), (retried.Delivered, retried.Failed));
        var delivered = Assert.Single(await DeliveriesAsync(warehouse), d => d is { Notice: "resolved", Channel: "webhook" });
        Assert.Equal(("delivered", 5, (string?)null), (delivered.Status, delivered.Attempts, delivered.LastError));
        Assert.Equal(2, webhook.Requests.Count);
        Assert.True(webhook.Requests.Last().SignatureValid);

        // A silence on Bắc Giang's coverage drops: August's new fall is recorded, not sent.
        await new AlertAdministration(warehouse.Engine).AddSilenceAsync("coverage_drop", "24", "admin", "Đang xác minh với BHXH huyện",
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddDays(2), DateTime.UtcNow, CancellationToken.None);
        var august = await CsvAsync(warehouse, "luc-ngan-2021-08.csv",
            Month("219", "2021-08", 100_000, [10_000, 3_000, 29_000, 16_100, 30_000, 0], "88,1"),
            Month("218", "2021-08", 200_000, [30_100, 6_000, 69_600, 40_200, 44_100, 600], "95,3"));
        await BhytAsync("import", august, "--warehouse", warehouse.Path);
        await BhytAsync("detect", "--warehouse", warehouse.Path);
        var silencedRun = await AlertsAsync(warehouse);

        Assert.Equal((1, 1, 0), (silencedRun.Fired, silencedRun.Silenced, silencedRun.Delivered));
        var silenced = Assert.Single(await AlertsStoredAsync(warehouse), a => a.PeriodLabel == "2021-08");
        Assert.Equal(("219", "firing"), (silenced.UnitCode, silenced.Status));
        Assert.Contains("Đang xác minh", silenced.SuppressedBy);
        Assert.DoesNotContain(await DeliveriesAsync(warehouse), d => d.AlertId == silenced.AlertId);
        Assert.Equal((2, 2), (smtp.ReceivedEmailCount, webhook.Requests.Count));
        Assert.DoesNotContain(await AlertsStoredAsync(warehouse), a => a.UnitCode == "218");
    }
}
