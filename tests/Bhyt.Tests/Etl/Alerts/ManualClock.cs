namespace Bhyt.Tests.Etl.Alerts;

/// <summary>A clock the test moves by hand (repeat intervals, silences).</summary>
internal sealed class ManualClock(DateTime utcNow) : TimeProvider
{
    public DateTime UtcNow { get; set; } = utcNow;

    public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
}
