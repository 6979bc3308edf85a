using Bhyt.Etl.Audit;

namespace Bhyt.Dashboard.Components.Pages.Audit;

/// <summary>The Vietnamese names of the audit log's codes, as the Nhật ký page shows them.</summary>
public static class AuditTexts
{
    public static readonly IReadOnlyList<(string Code, string NameVi)> Actions =
    [
        (AuditActions.SignIn, "Đăng nhập"), (AuditActions.SignOut, "Đăng xuất"), (AuditActions.SignOutEverywhere, "Đăng xuất mọi nơi"),
        (AuditActions.AccountSave, "Lưu tài khoản"), (AuditActions.AccountDelete, "Xoá tài khoản"), (AuditActions.Upload, "Tải tệp lên"),
        (AuditActions.Import, "Nạp tệp vào kho"), (AuditActions.ConsoleQuery, "Truy vấn SQL"), (AuditActions.Export, "Xuất CSV"),
        (AuditActions.AnomalyReview, "Kết luận bất thường"), (AuditActions.AlertAcknowledge, "Ghi nhận cảnh báo"),
        (AuditActions.AlertRuleSave, "Lưu quy tắc cảnh báo"), (AuditActions.AlertSilenceAdd, "Tạm tắt cảnh báo"),
        (AuditActions.AlertSilenceEnd, "Kết thúc tạm tắt"), (AuditActions.AuditPurge, "Xoá nhật ký quá hạn"),
    ];

    public static readonly IReadOnlyList<(string Code, string NameVi)> Outcomes =
        [(AuditOutcomes.Success, "Thành công"), (AuditOutcomes.Failure, "Không thành công"), (AuditOutcomes.Denied, "Bị từ chối")];

    public static string ActionVi(string code) => Actions.FirstOrDefault(a => a.Code == code).NameVi ?? code;

    public static string OutcomeVi(string code) => Outcomes.FirstOrDefault(o => o.Code == code).NameVi ?? code;

    public static string ChannelVi(string code) => code switch
    {
        AuditChannels.Dashboard => "Trang quản trị",
        AuditChannels.Cli => "Dòng lệnh",
        AuditChannels.Scheduler => "Lịch tự động",
        _ => code,
    };
}
