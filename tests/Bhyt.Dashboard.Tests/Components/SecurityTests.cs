using Bhyt.Dashboard.Security;

namespace Bhyt.Dashboard.Tests.Components;

public sealed class SecurityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-users-").FullName;

    [Fact]
    public void Passwords_are_salted_pbkdf2_and_verified_in_constant_time()
    {
        var a = PasswordHasher.Hash("mat-khau-123");
        var b = PasswordHasher.Hash("mat-khau-123");
        Assert.NotEqual(a, b);
        Assert.StartsWith("pbkdf2-sha256$210000$", a);
        Assert.True(PasswordHasher.Verify("mat-khau-123", a));
        Assert.False(PasswordHasher.Verify("mat-khau-124", a));
        Assert.False(PasswordHasher.Verify("mat-khau-123", "plain"));
    }

    [Fact]
    public void The_first_start_creates_one_admin_from_the_environment_or_with_a_printed_random_password()
    {
        var store = new UserStore(Path.Combine(_folder, "users.json"));
        var message = AdminBootstrap.EnsureAdmin(store, name => name == AdminBootstrap.UserVariable ? "quantri" : null);
        var password = message!.Split(" / ")[1].Split(' ')[0];
        Assert.Equal(16, password.Length);
        Assert.NotNull(store.Authenticate("quantri", password));
        Assert.Equal(Roles.Admin, store.Find("QUANTRI")!.Role);
        Assert.DoesNotContain(password, File.ReadAllText(store.Path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));

        Assert.Null(AdminBootstrap.EnsureAdmin(store, _ => "other"));
        Assert.Single(store.All());
    }

    [Fact]
    public void An_account_saved_again_replaces_the_old_one_and_a_deleted_one_can_no_longer_log_in()
    {
        var store = new UserStore(Path.Combine(_folder, "users.json"));
        store.Save("lanhdao", "Lãnh đạo", Roles.Viewer, "mat-khau-cu-1");
        store.Save("LanhDao", "Lãnh đạo", Roles.Analyst, "mat-khau-moi-1");

        var only = Assert.Single(store.All());
        Assert.Equal(Roles.Analyst, only.Role);
        Assert.Null(store.Authenticate("lanhdao", "mat-khau-cu-1"));
        Assert.NotNull(store.Authenticate("lanhdao", "mat-khau-moi-1"));
        Assert.Throws<ArgumentException>(() => store.Save("x", "x", "superuser", "mat-khau-123"));

        Assert.True(store.Delete("LANHDAO"));
        Assert.False(store.Delete("lanhdao"));
        Assert.Null(store.Authenticate("lanhdao", "mat-khau-moi-1"));
    }

    [Fact]
    public void Only_local_return_urls_are_followed()
    {
        Assert.Equal("/bao-phu?unit=68", AccountEndpoints.SafeReturnUrl("/bao-phu?unit=68"));
        Assert.Equal("/", AccountEndpoints.SafeReturnUrl("https://evil.example/"));
        Assert.Equal("/", AccountEndpoints.SafeReturnUrl("//evil.example/"));
        Assert.Equal("/", AccountEndpoints.SafeReturnUrl(null));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
