namespace Bhyt.Dashboard.Security;

/// <summary>The <c>loi</c> query values the login page is sent back with, and what it tells the user.</summary>
public static class LoginErrors
{
    public const string WrongCredentials = "1";
    public const string LockedOut = "khoa";
    public const string TooManyAttempts = "nhieu";
    public const string OrganisationFailed = "to-chuc";
    public const string NoRole = "quyen";

    /// <summary>The Vietnamese message for <paramref name="code"/>, or null when there is nothing to say.</summary>
    public static string? Message(string? code, TimeSpan lockout) => code switch
    {
        WrongCredentials => "Tên đăng nhập hoặc mật khẩu không đúng.",
        LockedOut => $"Đăng nhập tạm bị khoá vì nhập sai nhiều lần. Vui lòng thử lại sau {Math.Max(1, (int)Math.Ceiling(lockout.TotalMinutes))} phút.",
        TooManyAttempts => "Có quá nhiều lượt đăng nhập từ địa chỉ này. Vui lòng chờ một phút rồi thử lại.",
        OrganisationFailed => "Đăng nhập bằng tài khoản tổ chức không thành công. Vui lòng thử lại hoặc liên hệ quản trị.",
        NoRole => "Tài khoản tổ chức của bạn chưa được cấp quyền dùng BhytAnalytics. Vui lòng liên hệ quản trị.",
        _ => null,
    };
}
