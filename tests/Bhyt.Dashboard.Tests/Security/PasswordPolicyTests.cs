using Bhyt.Dashboard.Security;

namespace Bhyt.Dashboard.Tests.Security;

public sealed class PasswordPolicyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-password-").FullName;

    [Theory]
    [InlineData("ngan-qua-1", "Mật khẩu phải có ít nhất 12 ký tự.")]
    [InlineData("aaaaaaaaaaaaaaaa", "Mật khẩu phải có ít nhất 5 ký tự khác nhau.")]
    [InlineData("121212121212", "Mật khẩu phải có ít nhất 5 ký tự khác nhau.")]
    [InlineData("Tran.Thi.B-2026!", "Mật khẩu không được chứa tên đăng nhập.")]
    public void Violations_of_a_weak_password_name_the_rule_in_vietnamese(string password, string message) =>
        Assert.Contains(message, PasswordPolicy.Violations("tran.thi.b", password));

    [Fact]
    public void Violations_of_a_long_varied_password_are_none_and_a_password_over_128_characters_is_refused()
    {
        Assert.Empty(PasswordPolicy.Violations("tran.thi.b", "bao hiem y te 2026"));
        Assert.Empty(PasswordPolicy.Violations("tran.thi.b", "Mật khẩu có dấu tiếng Việt"));
        Assert.Equal(["Mật khẩu không được dài quá 128 ký tự."], PasswordPolicy.Violations("tran.thi.b", string.Concat(Enumerable.Repeat("abcdefgh", 17))));
    }

    [Fact]
    public void Save_of_an_account_with_a_weak_password_is_refused_with_every_broken_rule_and_nothing_is_written()
    {
        var store = new UserStore(Path.Combine(_folder, "users.json"));
        var refused = Assert.Throws<ArgumentException>(() => store.Save("hoa", "Hoa", Roles.Viewer, "hoahoahoa"));
        Assert.Contains("ít nhất 12 ký tự", refused.Message);
        Assert.Contains("5 ký tự khác nhau", refused.Message);
        Assert.Contains("không được chứa tên đăng nhập", refused.Message);
        Assert.Empty(store.All());
    }

    [Fact]
    public void EnsureAdmin_with_a_weak_password_from_the_environment_stops_the_first_start_naming_the_variable()
    {
        var store = new UserStore(Path.Combine(_folder, "users.json"));
        var refused = Assert.Throws<InvalidOperationException>(() =>
            AdminBootstrap.EnsureAdmin(store, name => name == AdminBootstrap.PasswordVariable ? "admin123" : null));
        Assert.StartsWith("BHYT_ADMIN_PASSWORD: Mật khẩu phải có ít nhất 12 ký tự.", refused.Message);
        Assert.Empty(store.All());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
