namespace Bhyt.Etl.Alerts;

/// <summary>
/// What one <c>bhyt alerts</c> run did: alerts that started firing (new, or back after being resolved), were notified
/// again on their repeat interval, resolved, had a notice held back by a silence or an inhibition, and how the outbox
/// drain went (deliveries sent, and still failing after this run's last try). <see cref="Active"/> counts alerts firing
/// or acknowledged after the run.
/// </summary>
public sealed record AlertSummary(int Fired, int Repeated, int Resolved, int Silenced, int Inhibited, int Queued, int Delivered, int Failed, int Active);
