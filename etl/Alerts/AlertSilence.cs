namespace Bhyt.Etl.Alerts;

/// <summary>
/// One row of <c>dw.alert_silence</c>: between <see cref="StartsAt"/> and <see cref="EndsAt"/>, alerts of
/// <see cref="RuleCode"/> (null = every rule) for <see cref="UnitCode"/>'s subtree (null = the whole country) are recorded
/// but not sent. Who set it and why travel with it.
/// </summary>
public sealed record AlertSilence(long SilenceId, string? RuleCode, string? UnitCode, string CreatedBy, string Reason, DateTime StartsAt, DateTime EndsAt)
{
    public bool Matches(StoredAlert alert, UnitTree units, DateTime now) =>
        StartsAt <= now && now < EndsAt
        && (RuleCode is null || RuleCode == alert.RuleCode)
        && units.Within(alert.UnitCode, UnitCode);
}
