namespace Bhyt.Dashboard.Security;

/// <summary>
/// The dashboard's roles. Leaders read (<see cref="Viewer"/>); analysts also upload files and use the
/// read-only SQL console (<see cref="Analyst"/>); administrators also manage accounts (<see cref="Admin"/>).
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    /// <summary>Roles allowed to put files into the ETL inbox (comma list for <c>[Authorize(Roles=…)]</c>).</summary>
    public const string Uploaders = Analyst + "," + Admin;

    public static readonly string[] All = [Viewer, Analyst, Admin];

    /// <summary>The Vietnamese name shown in the header.</summary>
    public static string NameVi(string role) => role switch
    {
        Admin => "Quản trị",
        Analyst => "Phân tích",
        _ => "Lãnh đạo (xem)",
    };
}
