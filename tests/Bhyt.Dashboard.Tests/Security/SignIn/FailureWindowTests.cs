using Bhyt.Dashboard.Security.SignIn;
using Microsoft.Extensions.Configuration;

namespace Bhyt.Dashboard.Tests.Security.SignIn;

public sealed class FailureWindowTests
{
    [Fact]
    public void From_an_empty_section_locks_after_5_failures_for_15_minutes()
    {
        var options = LockoutOptions.From(new ConfigurationBuilder().Build());
        Assert.Equal((5, TimeSpan.FromMinutes(15), 30), (options.MaxFailures, options.Duration, options.AttemptsPerMinute));
    }

    [Fact]
    public async Task IsLocked_after_the_last_allowed_failure_until_the_window_slides_past_it()
    {
        using var window = new FailureWindow(new LockoutOptions(3, TimeSpan.FromSeconds(1.5), 30));
        for (var i = 0; i < 3; i++)
        {
            Assert.False(window.IsLocked("lan.anh"));
            window.RecordFailure("lan.anh");
        }
        Assert.True(window.IsLocked("lan.anh"));
        Assert.True(window.IsLocked("lan.anh"), "looking must not use a permit nor unlock");
        Assert.False(window.IsLocked("minh.chau"));

        // The partitioned limiter slides its windows on a 100 ms heartbeat: a segment can last up to one beat longer.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (window.IsLocked("lan.anh") && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.3), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void IsLocked_counts_an_account_whatever_its_case_and_an_address_apart_from_accounts()
    {
        using var lockout = new SignInLockout(new LockoutOptions(2, TimeSpan.FromMinutes(15), 30));
        var office = System.Net.IPAddress.Parse("10.24.0.7");
        var home = System.Net.IPAddress.Parse("::ffff:113.161.2.9");
        lockout.RecordFailure("Lan.Anh", office);
        lockout.RecordFailure("lan.anh ", home);

        Assert.True(lockout.IsLocked("LAN.ANH", System.Net.IPAddress.Parse("10.24.0.8")));
        Assert.False(lockout.IsLocked("minh.chau", office));
        lockout.RecordFailure("minh.chau", office);
        Assert.True(lockout.IsLocked("ai.do", office));
        Assert.False(lockout.IsLocked("ai.do", System.Net.IPAddress.Parse("113.161.2.9")));
    }
}
