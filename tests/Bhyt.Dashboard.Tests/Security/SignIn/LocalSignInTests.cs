using System.Diagnostics;
using System.Net;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.EndToEnd;
using Bhyt.Dashboard.Tests.Support;

namespace Bhyt.Dashboard.Tests.Security.SignIn;

/// <summary>Local sign-in over real HTTP against a dashboard process, from distinct loopback addresses.</summary>
[Collection(SignInServerCollection.Name)]
public sealed class LocalSignInTests(SignInServerFixture fixture)
{
    private const string Password = "mat-khau-dung-cua-toi";
    private string BaseUrl => fixture.Server.BaseUrl;

    private SignInClient From(int third, int last) => new(BaseUrl, new IPAddress([127, 0, (byte)third, (byte)last]));

    [Fact]
    public async Task Login_five_wrong_passwords_for_one_account_locks_it_from_every_address_until_the_window_passes()
    {
        fixture.Users.Save("khoa.taikhoan", "Khoá theo tài khoản", Roles.Viewer, Password);
        for (var i = 1; i <= 5; i++)
        {
            using var attacker = From(11, i);
            Assert.Equal(LoginErrors.WrongCredentials, ErrorOf(await attacker.LoginAsync("khoa.taikhoan", "sai-mat-khau-" + i)));
        }
        var lastFailure = Stopwatch.StartNew();

        using var owner = From(11, 50);
        Assert.Equal(LoginErrors.LockedOut, ErrorOf(await owner.LoginAsync("KHOA.TAIKHOAN", Password)));
        Assert.False(await owner.IsSignedInAsync());
        using var colleague = From(11, 50);
        Assert.Null(ErrorOf(await colleague.LoginAsync(DashboardServer.AdminUser, DashboardServer.AdminPassword)));

        while (ErrorOf(await owner.LoginAsync("khoa.taikhoan", Password)) == LoginErrors.LockedOut)
        {
            Assert.True(lastFailure.Elapsed < SignInServerFixture.LockoutWindow * 2, "the lockout did not end");
            await Task.Delay(300);
        }
        Assert.True(lastFailure.Elapsed > SignInServerFixture.LockoutWindow * 0.7, $"unlocked after {lastFailure.Elapsed}");
        Assert.True(await owner.IsSignedInAsync());
    }

    [Fact]
    public async Task Login_five_failures_from_one_address_locks_that_address_for_every_account()
    {
        fixture.Users.Save("khoa.diachi", "Khoá theo địa chỉ", Roles.Analyst, Password);
        using var attacker = From(12, 1);
        foreach (var name in new[] { "khoa.diachi", "admin", "khong.ton.tai.1", "khong.ton.tai.2", "quantri" })
            Assert.Equal(LoginErrors.WrongCredentials, ErrorOf(await attacker.LoginAsync(name, "doan-mo-mat-khau")));

        Assert.Equal(LoginErrors.LockedOut, ErrorOf(await attacker.LoginAsync("khoa.diachi", Password)));
        Assert.False(await attacker.IsSignedInAsync());

        using var elsewhere = From(12, 2);
        Assert.Null(ErrorOf(await elsewhere.LoginAsync("khoa.diachi", Password)));
        Assert.True(await elsewhere.IsSignedInAsync());
    }

    [Fact]
    public async Task Login_posts_beyond_the_per_minute_cap_from_one_address_are_turned_back()
    {
        using var flood = From(13, 1);
        var errors = new List<string?>();
        for (var i = 0; i < 31; i++) errors.Add(ErrorOf(await flood.LoginAsync("khong.ton.tai", "sai-mat-khau")));

        Assert.DoesNotContain(LoginErrors.TooManyAttempts, errors.Take(30));
        Assert.Equal(LoginErrors.TooManyAttempts, errors[30]);
    }

    [Fact]
    public async Task Login_unknown_user_and_wrong_password_get_the_same_answer_in_comparable_time()
    {
        const int samples = 5;
        for (var i = 0; i < samples; i++) fixture.Users.Save($"do.thoigian.{i}", "Đo thời gian", Roles.Viewer, Password);
        var wrong = new List<(HttpResponseMessage Response, TimeSpan Time)>();
        var unknown = new List<(HttpResponseMessage Response, TimeSpan Time)>();
        for (var i = 0; i < samples; i++)
        {
            wrong.Add(await TimedLoginAsync(From(14, 1 + i), $"do.thoigian.{i}", "mat-khau-sai-roi"));
            unknown.Add(await TimedLoginAsync(From(14, 101 + i), $"khong.co.ai.{i}", "mat-khau-sai-roi"));
        }

        foreach (var (response, _) in wrong.Concat(unknown))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/dang-nhap?loi=1&returnUrl=%2F", response.Headers.Location!.OriginalString);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            Assert.Equal(0, (await response.Content.ReadAsByteArrayAsync()).Length);
        }
        var wrongMedian = Median(wrong.Select(w => w.Time));
        var unknownMedian = Median(unknown.Select(u => u.Time));
        var ratio = unknownMedian / wrongMedian;
        Assert.True(ratio is > 0.5 and < 2.0, $"unknown user {unknownMedian.TotalMilliseconds:0} ms, wrong password {wrongMedian.TotalMilliseconds:0} ms");
    }

    private static async Task<(HttpResponseMessage, TimeSpan)> TimedLoginAsync(SignInClient client, string userName, string password)
    {
        using (client)
        {
            var token = await client.LoginFormTokenAsync(); // only the POST is timed
            var clock = Stopwatch.StartNew();
            var response = await client.PostLoginAsync(token, userName, password);
            return (response, clock.Elapsed);
        }
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The <c>loi</c> of the login page a failed sign-in is sent back to; null when the sign-in went through.</summary>
    internal static string? ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        if (!location.StartsWith(AccountEndpoints.LoginPath, StringComparison.Ordinal)) return null;
        return System.Web.HttpUtility.ParseQueryString(location[(location.IndexOf('?') + 1)..])["loi"];
    }
}
