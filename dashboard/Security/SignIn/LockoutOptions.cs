namespace Bhyt.Dashboard.Security.SignIn;

/// <summary>
/// Section <c>Auth:Lockout</c>: after <see cref="MaxFailures"/> failed sign-ins within <see cref="Duration"/>, the
/// account (whatever name was typed, known or not) and, separately, the remote address are refused until the oldest
/// of those failures is <see cref="Duration"/> old. <see cref="AttemptsPerMinute"/> caps every sign-in POST from one
/// address, successful or not, because each one costs a deliberately slow password hash.
/// </summary>
public sealed record LockoutOptions(int MaxFailures, TimeSpan Duration, int AttemptsPerMinute)
{
    public static readonly LockoutOptions Default = new(5, TimeSpan.FromMinutes(15), 30);

    public static LockoutOptions From(IConfiguration section) => new(
        section.GetValue("MaxFailures", Default.MaxFailures),
        section.GetValue("Duration", Default.Duration),
        section.GetValue("AttemptsPerMinute", Default.AttemptsPerMinute));
}
