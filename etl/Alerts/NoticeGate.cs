namespace Bhyt.Etl.Alerts;

/// <summary>
/// Decides whether a notice is held back: by a silence in force that matches the alert (rule and/or unit subtree), or by an
/// inhibition — an active alert of the inhibition's source condition for the same unit and period (a coverage drop that
/// already names the group holds back that group's collapse). A held notice leaves the alert recorded, with the reason.
/// </summary>
public sealed class NoticeGate(IReadOnlyList<AlertSilence> silences, IReadOnlyList<(string Source, string Target, string Reason)> inhibitions,
    IReadOnlyList<StoredAlert> active, UnitTree units)
{
    public (bool Silenced, string Reason)? HeldBy(StoredAlert alert, DateTime now)
    {
        if (silences.FirstOrDefault(s => s.Matches(alert, units, now)) is { } silence) return (true, AlertTexts.SilencedBy(silence));
        foreach (var (source, target, reason) in inhibitions.Where(i => i.Target == alert.Condition))
        {
            var inhibitor = active.FirstOrDefault(a => a.Condition == source && a.AlertId != alert.AlertId
                                                       && a.UnitCode == alert.UnitCode && a.PeriodLabel == alert.PeriodLabel);
            if (inhibitor is not null) return (false, AlertTexts.InhibitedBy(inhibitor, reason));
        }
        return null;
    }
}
