using Bhyt.Etl.Alerts;
using Bhyt.Etl.Alerts.Delivery;
using Bhyt.Etl.Detection;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Alerts;

/// <summary>
/// The alert lifecycle on real DuckDB warehouses, over anomalies stored the way detection stores them. Bắc Giang (24):
/// Lục Ngạn (219), Lục Nam (218); Lâm Đồng (68) is another province. Evaluations only queue notices (no channel is called).
/// </summary>
public sealed class AlertRunTests
{
    private static readonly DateTime Start = new(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);
    private const string Leader = "lanhdao@bhxh-bacgiang.vn";

    private static AnomalyFinding Coverage(string kind, string unit, string period, string severity, double score, string explanation,
        string measure = "cov_rate") =>
        new(kind, "unit", unit, period, new DateOnly(2021, 7, 1), new DateOnly(2021, 7, 31), measure, 87.21, 99.1, score, severity, "coverage.test",
            explanation) { UnitCode = unit };

    private static AnomalyFinding Claim(string kind, string claim, string unit, string severity) =>
        new(kind, "claim", claim, "2023-05", new DateOnly(2023, 5, 1), new DateOnly(2023, 5, 31), "claim", 1, 0, 5, severity, "rule:test",
            $"Hồ sơ {claim} bất thường.") { UnitCode = unit, ClaimId = claim };

    private static async Task SaveAsync(TempWarehouse warehouse, params AnomalyFinding[] findings)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        await new AnomalyStore(warehouse.Engine).SaveAsync(connection, findings, DateTime.UtcNow, CancellationToken.None);
    }

    private static async Task RuleAsync(TempWarehouse warehouse, string code, string condition, string? unit, double? threshold = null,
        string minSeverity = "low", int repeatMinutes = 60, bool enabled = true, string? emails = Leader) =>
        await new AlertAdministration(warehouse.Engine).SaveRuleAsync(new AlertRule(0, code, condition, unit, threshold, minSeverity, null, emails,
            null, repeatMinutes, enabled, $"Quy tắc {code}"), "admin", Start, CancellationToken.None);

    private static AlertRun Run(TempWarehouse warehouse, TimeProvider clock) =>
        new(warehouse.Engine, DeliverySettings.From(_ => null), [], clock);

    private sealed record Row(long AlertId, string Rule, string? UnitCode, string? PeriodLabel, string Status, string? SuppressedBy, int Notifications);

    private static Task<List<Row>> AlertsAsync(TempWarehouse warehouse) =>
        warehouse.Engine.QueryAsync<Row>("""
            SELECT alert_id AS AlertId, "rule" AS Rule, unit_code AS UnitCode, period_label AS PeriodLabel, status AS Status,
                   suppressed_by AS SuppressedBy, notifications AS Notifications
            FROM rpt.alerts ORDER BY alert_id
            """);

    private static Task<List<(long AlertId, string Notice)>> NoticesAsync(TempWarehouse warehouse) =>
        warehouse.Engine.QueryAsync<(long, string)>("SELECT alert_id, notice FROM rpt.alert_deliveries ORDER BY delivery_id");

    [Fact]
    public async Task EvaluateAsync_firing_alert_repeats_only_once_its_interval_has_passed_and_not_once_acknowledged()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await RuleAsync(warehouse, "coverage_drop", AlertConditions.CoverageDrop, "24", threshold: 3, repeatMinutes: 120);
        await SaveAsync(warehouse, Coverage(AnomalyKinds.CoverageDrop, "219", "2021-07", "high", 11.89, "Tỷ lệ bao phủ của Huyện Lục Ngạn giảm."));
        var clock = new ManualClock(Start);

        var fired = await Run(warehouse, clock).EvaluateAsync(CancellationToken.None);
        clock.UtcNow = Start.AddMinutes(119);
        var early = await Run(warehouse, clock).EvaluateAsync(CancellationToken.None);
        clock.UtcNow = Start.AddMinutes(121);
        var due = await Run(warehouse, clock).EvaluateAsync(CancellationToken.None);
        var alert = Assert.Single(await AlertsAsync(warehouse));
        await new AlertAdministration(warehouse.Engine).AcknowledgeAsync(alert.AlertId, "phantich", clock.UtcNow, CancellationToken.None);
        clock.UtcNow = Start.AddHours(10);
        var acknowledged = await Run(warehouse, clock).EvaluateAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (fired.Fired, fired.Repeated, fired.Queued));
        Assert.Equal((0, 0, 0), (early.Fired, early.Repeated, early.Queued));
        Assert.Equal((0, 1, 1), (due.Fired, due.Repeated, due.Queued));
        Assert.Equal((0, 0, 0, 1), (acknowledged.Fired, acknowledged.Repeated, acknowledged.Queued, acknowledged.Active));
        Assert.Equal([(alert.AlertId, "firing"), (alert.AlertId, "repeat")], await NoticesAsync(warehouse));
        Assert.Equal(("acknowledged", 2), ((await AlertsAsync(warehouse))[0].Status, (await AlertsAsync(warehouse))[0].Notifications));
    }

    [Fact]
    public async Task EvaluateAsync_dismissed_anomaly_resolves_its_alert_with_a_resolved_notice_and_a_return_fires_the_same_alert()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await RuleAsync(warehouse, "coverage_drop", AlertConditions.CoverageDrop, "24", threshold: 3);
        await SaveAsync(warehouse, Coverage(AnomalyKinds.CoverageDrop, "219", "2021-07", "high", 11.89, "Giảm mạnh."));
        var clock = new ManualClock(Start);
        await Run(warehouse, clock).EvaluateAsync(CancellationToken.None);

        await warehouse.Engine.QueryAsync<int>("UPDATE dw.anomaly SET status = 'dismissed' RETURNING 1");
        var resolved = await Run(warehouse, clock).EvaluateAsync(CancellationToken.None);
        var afterResolve = Assert.Single(await AlertsAsync(warehouse));
        await warehouse.Engine.QueryAsync<int>("UPDATE dw.anomaly SET status = 'open' RETURNING 1");
        var back = await Run(warehouse, clock).EvaluateAsync(CancellationToken.None);

        Assert.Equal((1, 0), (resolved.Resolved, resolved.Active));
        Assert.Equal("resolved", afterResolve.Status);
        Assert.Equal((1, 1), (back.Fired, back.Active));
        var again = Assert.Single(await AlertsAsync(warehouse));
        Assert.Equal((afterResolve.AlertId, "firing"), (again.AlertId, again.Status));
        Assert.Equal(["firing", "resolved", "firing"], (await NoticesAsync(warehouse)).Select(n => n.Notice));
    }

    [Fact]
    public async Task EvaluateAsync_group_collapse_beside_a_coverage_drop_of_the_same_unit_and_period_is_recorded_but_not_sent()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await RuleAsync(warehouse, "coverage_drop", AlertConditions.CoverageDrop, "24", threshold: 3);
        await RuleAsync(warehouse, "group_collapse", AlertConditions.GroupCollapse, "24", threshold: 20);
        await SaveAsync(warehouse,
            Coverage(AnomalyKinds.CoverageDrop, "219", "2021-07", "high", 11.89, "Giảm mạnh, do nhóm ngân sách Nhà nước đóng."),
            Coverage(AnomalyKinds.GroupCollapse, "219", "2021-07", "medium", 29.7, "Nhóm ngân sách giảm.", "grp_state"),
            Coverage(AnomalyKinds.GroupCollapse, "218", "2021-07", "medium", 36, "Nhóm ngân sách của Lục Nam giảm.", "grp_state"));

        var summary = await Run(warehouse, new ManualClock(Start)).EvaluateAsync(CancellationToken.None);

        var alerts = await AlertsAsync(warehouse);
        Assert.Equal((3, 1, 2), (summary.Fired, summary.Inhibited, summary.Queued));
        var inhibited = Assert.Single(alerts, a => a.SuppressedBy is not null);
        Assert.Equal(("group_collapse", "219"), (inhibited.Rule, inhibited.UnitCode));
        Assert.Contains("Gộp vào cảnh báo", inhibited.SuppressedBy);
        Assert.DoesNotContain(await NoticesAsync(warehouse), n => n.AlertId == inhibited.AlertId);
    }

    [Fact]
    public async Task EvaluateAsync_most_specific_units_rule_wins_and_a_disabled_one_switches_its_subtree_off()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        // Country: drops of 3 points or more; Bắc Giang: 10 points or more; Lục Nam: off.
        await RuleAsync(warehouse, "coverage_drop", AlertConditions.CoverageDrop, "24", threshold: 10);
        await RuleAsync(warehouse, "coverage_drop", AlertConditions.CoverageDrop, "218", threshold: 3, enabled: false);
        await SaveAsync(warehouse,
            Coverage(AnomalyKinds.CoverageDrop, "219", "2021-07", "high", 11.89, "Lục Ngạn giảm 11,89 điểm."),
            Coverage(AnomalyKinds.CoverageDrop, "07555", "2021-07", "medium", 5, "Biên Sơn giảm 5 điểm."),
            Coverage(AnomalyKinds.CoverageDrop, "218", "2021-07", "high", 15, "Lục Nam giảm 15 điểm."),
            Coverage(AnomalyKinds.CoverageDrop, "68", "2021-07", "medium", 5, "Lâm Đồng giảm 5 điểm."));

        await Run(warehouse, new ManualClock(Start)).EvaluateAsync(CancellationToken.None);

        // Biên Sơn (under Lục Ngạn) falls below Bắc Giang's threshold; Lâm Đồng meets the seeded country-wide rule (3 points, no recipients).
        Assert.Equal(["219", "68"], (await AlertsAsync(warehouse)).Select(a => a.UnitCode).Order(StringComparer.Ordinal));
        Assert.Single(await NoticesAsync(warehouse));
    }

    [Fact]
    public async Task EvaluateAsync_high_severity_claims_of_one_unit_and_month_make_one_alert_and_low_ones_none()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        await SaveAsync(warehouse,
            Claim(AnomalyKinds.DuplicateClaim, "LK-1", "219", "high"), Claim(AnomalyKinds.DuplicateClaim, "LK-2", "219", "high"),
            Claim(AnomalyKinds.OverlappingStay, "LK-3", "219", "high"), Claim(AnomalyKinds.ClaimCostOutlier, "LK-4", "218", "medium"));

        var summary = await Run(warehouse, new ManualClock(Start)).EvaluateAsync(CancellationToken.None);

        Assert.Equal(1, summary.Fired);
        var alert = Assert.Single(await AlertsAsync(warehouse));
        Assert.Equal(("claims_high", "219", "2023-05"), (alert.Rule, alert.UnitCode, alert.PeriodLabel));
        var message = Assert.Single(await warehouse.Engine.QueryAsync<string>("SELECT message FROM rpt.alerts"));
        Assert.StartsWith("Huyện Lục Ngạn có 3 bất thường hồ sơ KCB kỳ 2023-05", message);
    }

    [Fact]
    public async Task EvaluateAsync_anomaly_missed_by_a_later_detection_sweep_clears_and_its_alert_resolves()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var drop = Coverage(AnomalyKinds.CoverageDrop, "219", "2021-07", "high", 11.89, "Giảm mạnh.");
        var detector = new FixedDetector(drop);
        await new DetectionRun(warehouse.Engine, [detector]).RunAsync(null, null, CancellationToken.None);
        var fired = await Run(warehouse, new ManualClock(Start)).EvaluateAsync(CancellationToken.None);

        // A sweep over other months does not clear July; a sweep over every month that no longer finds it does.
        detector.Findings = [];
        await new DetectionRun(warehouse.Engine, [detector]).RunAsync(new DateOnly(2021, 8, 1), new DateOnly(2021, 8, 31), CancellationToken.None);
        var partial = await Run(warehouse, new ManualClock(Start)).EvaluateAsync(CancellationToken.None);
        await new DetectionRun(warehouse.Engine, [detector]).RunAsync(null, null, CancellationToken.None);
        var cleared = await Run(warehouse, new ManualClock(Start)).EvaluateAsync(CancellationToken.None);

        Assert.Equal((1, 0, 0), (fired.Fired, partial.Resolved, partial.Fired));
        Assert.Equal((1, 0), (cleared.Resolved, cleared.Active));
    }

    private sealed class FixedDetector(params AnomalyFinding[] findings) : IDetector
    {
        public AnomalyFinding[] Findings { get; set; } = findings;
        public string Name => "test.fixed";
        public IReadOnlyCollection<string> Kinds => [AnomalyKinds.CoverageDrop];

        public Task<IReadOnlyList<AnomalyFinding>> DetectAsync(DetectionContext context, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<AnomalyFinding>>(Findings);
    }
}
