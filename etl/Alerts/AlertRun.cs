using System.Data.Common;
using Bhyt.Etl.Alerts.Delivery;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Alerts;

/// <summary>
/// One evaluation of the alert rules, then one drain of the outbox. Used by <c>bhyt alerts</c> and by the scheduler after
/// detection. In one transaction: the conditions that hold now (<see cref="AnomalyConditions"/>, <see cref="LateSubmissions"/>)
/// are matched to the stored alerts by fingerprint (rule × unit × period). A new fingerprint fires; a resolved one whose
/// condition returns fires again (same alert); a firing one is notified again only once its rule's repeat interval has
/// passed (an acknowledged one is not); an active alert whose condition no longer holds resolves, with a resolved notice
/// to whoever was told it fired. A notice is held back — the alert still recorded — by a matching silence, or by an
/// inhibition (a firing alert of the source condition for the same unit and period). Notices go to the outbox in the
/// same transaction; the drain (<see cref="OutboxSender"/>) sends them afterwards.
/// </summary>
public sealed class AlertRun(IWarehouseEngine engine, DeliverySettings settings, IReadOnlyList<IAlertChannel> channels, TimeProvider clock)
{
    private static readonly HttpClient Http = new();

    public AlertRun(IWarehouseEngine engine) : this(engine, DeliverySettings.FromEnvironment()) { }

    public AlertRun(IWarehouseEngine engine, DeliverySettings settings)
        : this(engine, settings, [new EmailChannel(settings), new WebhookChannel(settings, Http, TimeProvider.System)], TimeProvider.System) { }

    public async Task<AlertSummary> RunAsync(CancellationToken ct)
    {
        var evaluated = await EvaluateAsync(ct);
        var drained = await new OutboxSender(engine, settings, channels, clock).DrainAsync(ct);
        return evaluated with { Delivered = drained.Delivered, Failed = drained.Failed };
    }

    /// <summary>Evaluates the rules and queues the notices, without sending them.</summary>
    public async Task<AlertSummary> EvaluateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var store = new AlertStore(engine);
        await using var connection = await engine.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var units = await UnitTree.ReadAsync(engine, connection, transaction, ct);
        var rules = new AlertRuleSet(await store.RulesAsync(connection, transaction, ct), units);
        var candidates = (await new AnomalyConditions(engine).FindAsync(connection, transaction, rules, units, ct))
            .Concat(await new LateSubmissions(engine).FindAsync(connection, transaction, rules, units, now, ct))
            .ToDictionary(c => c.Fingerprint);

        var alerts = (await store.AlertsAsync(connection, transaction, ct)).ToDictionary(a => a.Fingerprint);
        var changes = new List<(StoredAlert Alert, string? Notice)>();
        int fired = 0, resolved = 0;
        foreach (var (fingerprint, candidate) in candidates)
        {
            alerts.TryGetValue(fingerprint, out var alert);
            if (alert is null || !alert.IsActive)
            {
                fired++;
                var firing = Fire(alert, candidate, now);
                if (alert is null) firing = await store.InsertAsync(connection, transaction, firing, ct);
                alerts[fingerprint] = firing;
                changes.Add((firing, "firing"));
                continue;
            }
            var refreshed = alert with { Severity = candidate.Severity, Message = candidate.Message, AnomalyId = candidate.AnomalyId, LastEvaluatedAt = now };
            alerts[fingerprint] = refreshed;
            changes.Add((refreshed, DueNotice(refreshed, candidate.Rule, now)));
        }
        foreach (var alert in alerts.Values.Where(a => a.IsActive && !candidates.ContainsKey(a.Fingerprint)).ToList())
        {
            resolved++;
            var done = alert with { Status = StoredAlert.Resolved, ResolvedAt = now, LastEvaluatedAt = now };
            alerts[alert.Fingerprint] = done;
            changes.Add((done, alert.LastNotifiedAt is null ? null : "resolved"));
        }

        var gate = new NoticeGate(await store.SilencesAsync(connection, transaction, ct), await store.InhibitionsAsync(connection, transaction, ct),
            alerts.Values.Where(a => a.IsActive).ToList(), units);
        var deliveries = new List<OutboxDelivery>();
        int repeated = 0, silenced = 0, inhibited = 0;
        foreach (var (alert, notice) in changes)
        {
            var final = alert;
            if (notice is not null)
            {
                var held = gate.HeldBy(alert, now);
                if (held is not null)
                {
                    if (held.Value.Silenced) silenced++;
                    else inhibited++;
                    final = alert with { SuppressedBy = held.Value.Reason };
                }
                else
                {
                    if (notice == "repeat") repeated++;
                    final = alert with { LastNotifiedAt = now, Notifications = alert.Notifications + 1, SuppressedBy = null };
                    if (rules.For(alert.RuleCode, alert.UnitCode) is { } rule)
                        deliveries.AddRange(AlertNotices.For(final, notice, rule, units.Name(alert.UnitCode), now));
                }
            }
            await store.UpdateAsync(connection, transaction, final, ct);
        }
        var queued = await new AlertOutbox(engine).EnqueueAsync(connection, transaction, deliveries, now, ct);
        await transaction.CommitAsync(ct);
        return new AlertSummary(fired, repeated, resolved, silenced, inhibited, queued, 0, 0, alerts.Values.Count(a => a.IsActive));
    }

    /// <summary>A new alert, or a resolved one whose condition came back: firing from now, not notified yet.</summary>
    private static StoredAlert Fire(StoredAlert? resolved, AlertCandidate candidate, DateTime now) =>
        resolved is null
            ? new StoredAlert(0, candidate.Rule.Code, candidate.Rule.Condition, candidate.UnitCode, candidate.PeriodLabel, candidate.Severity,
                candidate.Message, StoredAlert.Firing, now, null, null, null, now, now, null, 0, null, candidate.AnomalyId)
            : resolved with
            {
                Severity = candidate.Severity, Message = candidate.Message, Status = StoredAlert.Firing, ResolvedAt = null, AcknowledgedBy = null,
                AcknowledgedAt = null, LastFiredAt = now, LastEvaluatedAt = now, LastNotifiedAt = null, SuppressedBy = null, AnomalyId = candidate.AnomalyId,
            };

    /// <summary>The notice an alert that keeps firing is due: the first one if it was held back so far, else a repeat once the interval has passed.</summary>
    private static string? DueNotice(StoredAlert alert, AlertRule rule, DateTime now) =>
        alert.Status != StoredAlert.Firing ? null
        : alert.LastNotifiedAt is not { } last ? "firing"
        : now - last >= TimeSpan.FromMinutes(rule.RepeatMinutes) ? "repeat"
        : null;
}
