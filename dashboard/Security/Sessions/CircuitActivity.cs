namespace Bhyt.Dashboard.Security.Sessions;

/// <summary>
/// When the user of one open page (Blazor circuit) last did something on it: a page left open and untouched for
/// longer than <see cref="SessionLifetime.IdleTimeout"/> loses its session, as an idle cookie would.
/// </summary>
public sealed class CircuitActivity(TimeProvider clock)
{
    private long _lastTicks = clock.GetUtcNow().UtcTicks;

    public DateTimeOffset Last => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    public void Touch() => Interlocked.Exchange(ref _lastTicks, clock.GetUtcNow().UtcTicks);
}
