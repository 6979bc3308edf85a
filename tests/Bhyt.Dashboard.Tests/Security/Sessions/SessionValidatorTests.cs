using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Sessions;

namespace Bhyt.Dashboard.Tests.Security.Sessions;

public sealed class SessionValidatorTests : IDisposable
{
    private static readonly SessionLifetime Lifetime = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), TimeSpan.FromMinutes(1));
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-sessions-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 7, 30, 0, TimeSpan.FromHours(7)));

    private UserStore Users => new(Path.Combine(_folder, "users.json"));

    [Fact]
    public void IsValid_local_session_past_its_absolute_lifetime_is_refused_even_when_active()
    {
        var user = Users.Save("lanhdao.tinh", "Lãnh đạo tỉnh", Roles.Viewer, "mat-khau-lanh-dao");
        var validator = new SessionValidator(Users, Lifetime, _clock);
        var session = DashboardClaims.Principal(user.UserName, user.DisplayName, user.Role, SessionMethods.Local, _clock.GetUtcNow(), user.SecurityStamp);

        _clock.Advance(TimeSpan.FromHours(7.9));
        Assert.True(validator.IsValid(session));
        _clock.Advance(TimeSpan.FromHours(0.2));
        Assert.False(validator.IsValid(session));
    }

    [Fact]
    public void IsValid_local_session_ends_with_a_new_stamp_a_new_role_or_a_deleted_account()
    {
        var validator = new SessionValidator(Users, Lifetime, _clock);
        DashboardUser user = Users.Save("phantich.huyen", "Phân tích huyện", Roles.Analyst, "mat-khau-phan-tich");
        var session = DashboardClaims.Principal(user.UserName, user.DisplayName, user.Role, SessionMethods.Local, _clock.GetUtcNow(), user.SecurityStamp);
        Assert.True(validator.IsValid(session));

        Users.RenewStamp("phantich.huyen");
        Assert.False(validator.IsValid(session));

        user = Users.Find("phantich.huyen")!;
        var renewed = DashboardClaims.Principal(user.UserName, user.DisplayName, Roles.Admin, SessionMethods.Local, _clock.GetUtcNow(), user.SecurityStamp);
        Assert.False(validator.IsValid(renewed));

        var again = DashboardClaims.Principal(user.UserName, user.DisplayName, user.Role, SessionMethods.Local, _clock.GetUtcNow(), user.SecurityStamp);
        Assert.True(validator.IsValid(again));
        Users.Delete("phantich.huyen");
        Assert.False(validator.IsValid(again));
    }

    [Fact]
    public void IsValid_organisation_session_needs_no_local_account_but_ends_with_its_lifetime()
    {
        var validator = new SessionValidator(Users, Lifetime, _clock);
        var session = DashboardClaims.Principal("nguyen.van.a@bhxh.gov.vn", "Nguyễn Văn A", Roles.Analyst, SessionMethods.Oidc, _clock.GetUtcNow(), unitScope: "24");
        Assert.True(validator.IsValid(session));
        _clock.Advance(Lifetime.MaxLifetime + TimeSpan.FromSeconds(1));
        Assert.False(validator.IsValid(session));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
