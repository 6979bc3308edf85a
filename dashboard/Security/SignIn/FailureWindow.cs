using System.Threading.RateLimiting;

namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>
/// Failed sign-ins counted per key (an account name or a remote address) in a sliding window, kept in memory by the
/// rate limiter of <c>System.Threading.RateLimiting</c> (the one ASP.NET Core's rate limiting uses): each failure takes a
/// permit; a key without permits left is locked until its oldest failure leaves the window. Keys idle with all their
/// permits are dropped by the limiter itself, so names typed by an attacker do not accumulate.
/// </summary>
public sealed class FailureWindow : IDisposable
{
    private const int Segments = 15;
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailureWindow(LockoutOptions options) =>
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ =>
            new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.MaxFailures,
                Window = options.Duration,
                SegmentsPerWindow = Segments,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>True when <paramref name="key"/> has used up its failures (asking for zero permits only looks).</summary>
    public bool IsLocked(string key)
    {
        using var lease = _limiter.AttemptAcquire(key, 0);
        return !lease.IsAcquired;
    }

    public void RecordFailure(string key)
    {
        using var lease = _limiter.AttemptAcquire(key, 1);
    }

    public void Dispose() => _limiter.Dispose();
}
