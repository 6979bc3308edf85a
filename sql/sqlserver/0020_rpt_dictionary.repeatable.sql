-- Data dictionary of the rpt views (issue 18 item 3). GENERATED from sql/dictionary/*.txt by `bhyt dictionary`:
-- edit the .txt files, never this script. Repeatable: the migrator runs it after the numbered scripts whenever its
-- text changed or a numbered script ran in the same pass (a view recreated by a later migration loses its comments).

CREATE OR ALTER PROCEDURE etl.describe_rpt
    @view_name   SYSNAME,
    @column_name SYSNAME = NULL,
    @description NVARCHAR(3750)
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @view_id INT = OBJECT_ID(N'rpt.' + QUOTENAME(@view_name), N'V');
    DECLARE @column_id INT = CASE WHEN @column_name IS NULL THEN 0 ELSE COLUMNPROPERTY(@view_id, @column_name, 'ColumnId') END;
    IF @view_id IS NULL OR @column_id IS NULL
    BEGIN
        DECLARE @missing NVARCHAR(400) = CONCAT(N'etl.describe_rpt: rpt.', @view_name, N'.' + @column_name, N' does not exist.');
        THROW 50020, @missing, 1;
    END;
    DECLARE @level2type VARCHAR(128) = CASE WHEN @column_name IS NULL THEN NULL ELSE 'COLUMN' END;
    IF EXISTS (SELECT 1 FROM sys.extended_properties
               WHERE class = 1 AND major_id = @view_id AND minor_id = @column_id AND name = N'MS_Description')
        EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @description,
            @level0type = 'SCHEMA', @level0name = N'rpt', @level1type = 'VIEW', @level1name = @view_name,
            @level2type = @level2type, @level2name = @column_name;
    ELSE
        EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @description,
            @level0type = 'SCHEMA', @level0name = N'rpt', @level1type = 'VIEW', @level1name = @view_name,
            @level2type = @level2type, @level2name = @column_name;
END;
GO

EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = NULL, @description = N'Hộp thư đi của cảnh báo: một dòng mỗi thông báo × kênh × người nhận, với số lần thử và lỗi cuối';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'delivery_id', @description = N'Mã lần gửi do kho cấp. Ví dụ: 880';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'alert_id', @description = N'Cảnh báo được thông báo (rpt.alerts). Ví dụ: 301';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'notice', @description = N'Loại thông báo: firing (bắt đầu), repeat (nhắc lại), resolved (đã hết). Ví dụ: firing';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'channel', @description = N'Kênh gửi: email hoặc webhook. Ví dụ: email';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'target', @description = N'Người nhận: địa chỉ email hoặc URL webhook. Ví dụ: canhbao@bhxh-bacgiang.vn';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'status', @description = N'Trạng thái: pending (chờ gửi), delivered (đã gửi), failed (lỗi sau lần thử cuối của lượt chạy; sẽ thử lại). Ví dụ: delivered';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'attempts', @description = N'Số lần đã thử gửi. Đơn vị: lần. Ví dụ: 1';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'created_at', @description = N'Thời điểm đưa vào hộp thư đi (UTC). Ví dụ: 2026-03-02 09:05:00';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'last_attempt_at', @description = N'Lần thử gần nhất (UTC). Ví dụ: 2026-03-02 09:05:02';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'delivered_at', @description = N'Thời điểm gửi thành công (UTC). Ví dụ: 2026-03-02 09:05:02';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'last_error', @description = N'Lỗi của lần thử gần nhất, nếu có. Ví dụ: SMTP 421: dịch vụ tạm thời không sẵn sàng';
EXEC etl.describe_rpt @view_name = N'alert_deliveries', @column_name = N'subject', @description = N'Tiêu đề thông báo. Ví dụ: [BHYT] Tỷ lệ bao phủ giảm mạnh — huyện Lục Ngạn, 2021-07';

EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = NULL, @description = N'Quy tắc cảnh báo do quản trị viên sửa trên trang Cảnh báo; quy tắc áp dụng cho cây đơn vị của nó, quy tắc của đơn vị cụ thể nhất được dùng';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'rule_id', @description = N'Mã dòng quy tắc do kho cấp. Ví dụ: 1';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'code', @description = N'Mã quy tắc (các dòng cùng mã cho các đơn vị khác nhau). Ví dụ: coverage_drop';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'condition', @description = N'Điều kiện: coverage_drop, below_target, group_collapse, fund_overrun, claims_anomaly hoặc submission_late. Ví dụ: coverage_drop';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'unit_code', @description = N'Đơn vị mà quy tắc áp dụng cho cả cây của nó; trống là cả nước. Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'threshold', @description = N'Ngưỡng so với điểm của bất thường: điểm phần trăm (coverage_drop, below_target), % của nhóm (group_collapse), % dự toán (fund_overrun), số ngày sau cuối kỳ (submission_late). Đơn vị: theo condition. Ví dụ: 3';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'min_severity', @description = N'Mức độ thấp nhất được cảnh báo: low, medium hoặc high. Ví dụ: medium';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'period_kind', @description = N'Chỉ xét kỳ loại này (year, quarter, month…); trống là mọi loại. Ví dụ: month';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'emails', @description = N'Các địa chỉ email nhận thông báo, cách nhau bằng dấu phẩy, chấm phẩy hoặc khoảng trắng. Ví dụ: canhbao@bhxh-bacgiang.vn';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'webhooks', @description = N'Các URL webhook nhận thông báo, cách nhau như emails. Ví dụ: https://chat.example.vn/hooks/bhyt';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'repeat_minutes', @description = N'Nhắc lại sau bấy nhiêu phút khi cảnh báo vẫn còn. Đơn vị: phút. Ví dụ: 1.440';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'enabled', @description = N'true nếu quy tắc đang bật. Ví dụ: true';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'name_vi', @description = N'Tên tiếng Việt của quy tắc. Ví dụ: Tỷ lệ bao phủ BHYT giảm mạnh';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'updated_by', @description = N'Người sửa lần cuối. Ví dụ: quantri';
EXEC etl.describe_rpt @view_name = N'alert_rules', @column_name = N'updated_at', @description = N'Thời điểm sửa lần cuối (UTC). Ví dụ: 2026-02-20 16:00:00';

EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = NULL, @description = N'Các lần tạm tắt thông báo: cảnh báo khớp quy tắc và/hoặc cây đơn vị vẫn được ghi nhận nhưng không được gửi cho đến khi hết hạn';
EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = N'silence_id', @description = N'Mã lần tạm tắt do kho cấp. Ví dụ: 12';
EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = N'rule_code', @description = N'Quy tắc bị tạm tắt; trống là mọi quy tắc. Ví dụ: coverage_drop';
EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = N'unit_code', @description = N'Đơn vị mà cả cây của nó bị tạm tắt; trống là mọi đơn vị. Ví dụ: 219';
EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = N'created_by', @description = N'Người tạm tắt. Ví dụ: quantri';
EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = N'reason', @description = N'Lý do tạm tắt. Ví dụ: Đang xử lý với BHXH tỉnh';
EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = N'starts_at', @description = N'Bắt đầu (UTC). Ví dụ: 2026-03-02 00:00:00';
EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = N'ends_at', @description = N'Hết hạn (UTC). Ví dụ: 2026-03-09 00:00:00';
EXEC etl.describe_rpt @view_name = N'alert_silences', @column_name = N'created_at', @description = N'Thời điểm tạo (UTC). Ví dụ: 2026-03-02 10:30:00';

EXEC etl.describe_rpt @view_name = N'alerts', @column_name = NULL, @description = N'Cảnh báo: một dòng mỗi quy tắc × đơn vị × kỳ, với vòng đời firing → acknowledged → resolved';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'alert_id', @description = N'Mã cảnh báo do kho cấp. Ví dụ: 301';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'rule', @description = N'Mã quy tắc cảnh báo (rpt.alert_rules.code). Ví dụ: coverage_drop';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'unit_code', @description = N'Đơn vị hành chính của cảnh báo. Ví dụ: 219';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'period_label', @description = N'Kỳ của cảnh báo. Ví dụ: 2021-07';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'severity', @description = N'Mức độ: low, medium hoặc high. Ví dụ: high';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'message', @description = N'Nội dung cảnh báo tiếng Việt. Ví dụ: Tỷ lệ bao phủ BHYT huyện Lục Ngạn giảm 11,89 điểm phần trăm';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'status', @description = N'Trạng thái: firing (đang cảnh báo), acknowledged (đã ghi nhận), resolved (đã hết). Ví dụ: firing';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'created_at', @description = N'Thời điểm tạo cảnh báo (UTC). Ví dụ: 2026-03-02 09:05:00';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'resolved_at', @description = N'Thời điểm cảnh báo hết (UTC); trống nếu chưa. Ví dụ: 2026-03-16 09:05:00';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'condition', @description = N'Điều kiện của quy tắc: coverage_drop, below_target, group_collapse, fund_overrun, claims_anomaly hoặc submission_late. Ví dụ: coverage_drop';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'acknowledged_by', @description = N'Người đã ghi nhận cảnh báo. Ví dụ: lanhdao01';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'acknowledged_at', @description = N'Thời điểm ghi nhận (UTC). Ví dụ: 2026-03-02 10:00:00';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'last_fired_at', @description = N'Lần gần nhất cảnh báo (lại) bắt đầu (UTC). Ví dụ: 2026-03-02 09:05:00';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'last_evaluated_at', @description = N'Lần đánh giá quy tắc gần nhất (UTC). Ví dụ: 2026-03-09 09:05:00';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'last_notified_at', @description = N'Lần gửi thông báo gần nhất (UTC). Ví dụ: 2026-03-02 09:05:00';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'notifications', @description = N'Số lần đã gửi thông báo. Đơn vị: lần. Ví dụ: 2';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'suppressed_by', @description = N'Lý do thông báo bị giữ lại (tạm tắt hoặc bị cảnh báo khác bao hàm); trống nếu đã gửi. Ví dụ: Tạm tắt: đang xử lý với BHXH tỉnh';
EXEC etl.describe_rpt @view_name = N'alerts', @column_name = N'anomaly_id', @description = N'Bất thường làm phát sinh cảnh báo (rpt.anomalies), nếu có. Ví dụ: 5012';

EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = NULL, @description = N'Bất thường do bộ phát hiện tìm ra: một dòng mỗi (loại, đối tượng, kỳ); phát hiện lại thì cập nhật dòng và giữ kết quả duyệt';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'anomaly_id', @description = N'Mã bất thường do kho cấp. Ví dụ: 5012';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'detected_at', @description = N'Thời điểm phát hiện lần đầu (UTC; như first_detected_at). Ví dụ: 2026-03-02 09:00:00';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'kind', @description = N'Loại bất thường, một mã của danh mục: duplicate_claim (Một thẻ khám ở hai cơ sở khác nhau trong cùng một ngày); overlapping_stay (Một thẻ điều trị nội trú chồng thời gian ở hai cơ sở); card_overuse (Một thẻ có số lượt KCB bất thường trong tháng); stay_length_mismatch (Số ngày điều trị không khớp ngày vào/ra); claim_cost_outlier (Chi phí hồ sơ vượt xa các hồ sơ cùng tuyến, cùng loại); facility_cost_jump (Hồ sơ KCB của cơ sở trong tháng khác xa lịch sử và các cơ sở cùng tuyến); spending_ahead_of_budget (Chi KCB dự kiến vượt dự toán); revenue_behind_plan (Thu BHYT chậm so với kế hoạch); coverage_drop (Tỷ lệ bao phủ BHYT giảm mạnh); below_target (Tỷ lệ bao phủ dưới chỉ tiêu); group_collapse (Một nhóm đối tượng tham gia giảm mạnh); và unclassified (bất thường ghi trước khi có danh mục loại, migration 0010). Ví dụ: coverage_drop';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'subject_kind', @description = N'Loại đối tượng: unit (đơn vị hành chính), facility (cơ sở KCB), claim (hồ sơ), card (thẻ, theo bí danh), fund (quỹ). Ví dụ: unit';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'subject_code', @description = N'Mã đối tượng: mã đơn vị, mã cơ sở, mã hồ sơ hoặc bí danh thẻ (không bao giờ là số thẻ thật). Ví dụ: 219';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'unit_code', @description = N'Đơn vị hành chính liên quan. Ví dụ: 219';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'facility_code', @description = N'Cơ sở KCB liên quan, nếu có. Ví dụ: 24001';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'claim_id', @description = N'Mã hồ sơ (MA_LK) mà bất thường cấp hồ sơ nói về. Ví dụ: 24001-2024-000123';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'period_label', @description = N'Kỳ của bất thường (rpt.periods). Ví dụ: 2021-07';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'period_start', @description = N'Ngày đầu của kỳ. Ví dụ: 2021-07-01';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'period_end', @description = N'Ngày cuối của kỳ. Ví dụ: 2021-07-31';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'measure', @description = N'Đại lượng được đo (mã chỉ tiêu hoặc tên đại lượng của bộ phát hiện). Ví dụ: cov_rate';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'value', @description = N'Giá trị quan sát được, theo đơn vị của đại lượng. Đơn vị: theo measure. Ví dụ: 87,21';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'expected', @description = N'Giá trị kỳ vọng (kỳ trước, chỉ tiêu, mức của nhóm cùng loại…), theo đơn vị của đại lượng. Đơn vị: theo measure. Ví dụ: 99,1';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'score', @description = N'Điểm bất thường; ý nghĩa theo loại (điểm phần trăm giảm, % vượt dự toán, độ lệch chuẩn…). Đơn vị: theo kind. Ví dụ: 11,89';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'severity', @description = N'Mức độ: low, medium hoặc high. Ví dụ: high';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'method', @description = N'Phương pháp phát hiện và ngưỡng của nó (tiếng Anh). Ví dụ: coverage.consecutive_months: fall ≥ 3 pp beyond the usual seasonal fall';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'explanation', @description = N'Giải thích tiếng Việt cho lãnh đạo. Ví dụ: Tỷ lệ bao phủ giảm từ 99,1% xuống 87,21% trong một tháng';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'status', @description = N'Trạng thái duyệt: open (mới), acknowledged (đã ghi nhận), confirmed (xác nhận), dismissed (bác bỏ), resolved (đã xử lý). Ví dụ: open';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'reviewed_by', @description = N'Người duyệt. Ví dụ: phantich01';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'reviewed_at', @description = N'Thời điểm duyệt (UTC). Ví dụ: 2026-03-03 14:20:00';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'review_note', @description = N'Ghi chú khi duyệt. Ví dụ: Đã đối chiếu với BHXH huyện';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'first_detected_at', @description = N'Lần phát hiện đầu tiên (UTC). Ví dụ: 2026-03-02 09:00:00';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'last_detected_at', @description = N'Lần phát hiện gần nhất (UTC). Ví dụ: 2026-03-09 09:00:00';
EXEC etl.describe_rpt @view_name = N'anomalies', @column_name = N'cleared_at', @description = N'Thời điểm một lần quét sau của cùng loại và kỳ không còn thấy bất thường (UTC); trống nếu vẫn còn. Ví dụ: 2026-03-16 09:00:00';

EXEC etl.describe_rpt @view_name = N'audit', @column_name = NULL, @description = N'Nhật ký kiểm toán (chỉ quản trị được đọc): ai đã làm gì, lúc nào, từ địa chỉ nào và kết quả ra sao — đăng nhập, đăng xuất, tài khoản, tải tệp, nạp tệp, truy vấn SQL, xuất CSV, kết luận bất thường và cảnh báo; chỉ được ghi thêm, sự kiện quá hạn lưu (Audit:RetentionDays) bị xoá hằng đêm';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'event_id', @description = N'Số thứ tự sự kiện do kho cấp, tăng dần theo thời gian ghi. Ví dụ: 1045';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'occurred_at', @description = N'Thời điểm xảy ra (UTC). Ví dụ: 2026-11-29 03:42:00';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'channel', @description = N'Kênh: dashboard (trang web), cli (lệnh bhyt), scheduler (lịch tự động). Ví dụ: dashboard';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'user_name', @description = N'Tài khoản thực hiện; với đăng nhập thất bại là tên đã gõ; với lệnh bhyt là tài khoản hệ điều hành; system cho việc tự động. Ví dụ: phan.tich';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'user_role', @description = N'Vai trò của tài khoản lúc thực hiện (viewer, analyst, admin); trống khi không biết. Ví dụ: analyst';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'action', @description = N'Loại hành động: sign_in, sign_out, sign_out_everywhere, account_save, account_delete, upload, import, console_query, export, anomaly_review, alert_acknowledge, alert_rule_save, alert_silence_add, alert_silence_end, audit_purge. Ví dụ: console_query';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'outcome', @description = N'Kết quả: success (thành công), failure (không thành công), denied (bị từ chối: thiếu quyền, tạm khoá). Ví dụ: success';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'subject', @description = N'Đối tượng của hành động: tài khoản, tên tệp, mã bất thường hoặc cảnh báo; không bao giờ là dữ liệu cá nhân. Ví dụ: bao-phu-66.csv';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'detail', @description = N'Chi tiết: điều đã thay đổi, nội dung câu truy vấn, trang đã xuất, lý do thất bại; không bao giờ chứa mật khẩu. Ví dụ: đặt lại mật khẩu, đổi vai trò viewer → analyst';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'client_address', @description = N'Địa chỉ IP của máy người dùng (sau proxy tin cậy); trống với lệnh bhyt và việc tự động. Ví dụ: 10.66.1.20';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'row_count', @description = N'Số dòng đọc, nạp hoặc xuất, khi có. Đơn vị: dòng. Ví dụ: 1234';
EXEC etl.describe_rpt @view_name = N'audit', @column_name = N'duration_ms', @description = N'Thời gian thực hiện, khi có. Đơn vị: mili giây. Ví dụ: 87';

EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = NULL, @description = N'Các dòng chi tiết của hồ sơ KCB hiện hành: thuốc (XML2), dịch vụ kỹ thuật và vật tư (XML3); không có mã thẻ';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'claim_id', @description = N'Mã hồ sơ (MA_LK) tại cơ sở KCB. Ví dụ: 24001-2024-000123';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'facility_code', @description = N'Mã cơ sở KCB (MA_CSKCB). Ví dụ: 24001';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'month', @description = N'Ngày đầu của tháng của hồ sơ. Ví dụ: 2024-03-01';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'submission_id', @description = N'Bản nộp đã nạp hồ sơ (rpt.submissions). Ví dụ: 1077';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'file_name', @description = N'Tên tệp đã nạp hồ sơ. Ví dụ: hoso_2024_03.zip';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'source_table', @description = N'Bảng chi tiết nguồn: XML2 (thuốc) hoặc XML3 (dịch vụ kỹ thuật, vật tư). Ví dụ: XML2';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'line_no', @description = N'Số thứ tự dòng (STT) trong bảng chi tiết. Ví dụ: 3';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'cost_group', @description = N'Mã nhóm chi phí MA_NHOM như được ghi. Ví dụ: 4';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'category', @description = N'Loại chi phí suy ra từ nhóm: drug (thuốc), supplies (vật tư), services (dịch vụ kỹ thuật), examination (khám bệnh), bed_day (ngày giường). Ví dụ: drug';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'item_code', @description = N'Mã thuốc, vật tư hoặc dịch vụ (MA_THUOC, MA_VAT_TU, MA_DICH_VU). Ví dụ: 40.17';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'quantity', @description = N'Số lượng. Đơn vị: theo đơn vị tính của mặt hàng. Ví dụ: 20';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'unit_price', @description = N'Đơn giá. Đơn vị: đồng. Ví dụ: 1.500';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'amount', @description = N'Thành tiền theo giá bệnh viện (THANH_TIEN_BV, hoặc THANH_TIEN theo QĐ 4210). Đơn vị: đồng. Ví dụ: 30.000';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'insured_amount', @description = N'Thành tiền trong phạm vi BHYT (THANH_TIEN_BH, chỉ có theo QĐ 130). Đơn vị: đồng. Ví dụ: 30.000';
EXEC etl.describe_rpt @view_name = N'claim_details', @column_name = N'insurer_paid', @description = N'Phần quỹ BHYT thanh toán (T_BHTT). Đơn vị: đồng. Ví dụ: 24.000';

EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = NULL, @description = N'Mọi phiên bản của các hồ sơ KCB đã được gửi lại: phiên bản bị thay thế và phiên bản hiện hành, với tệp đã mang đến; không có mã thẻ';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'claim_id', @description = N'Mã hồ sơ (MA_LK) tại cơ sở KCB. Ví dụ: 24001-2024-000123';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'facility_code', @description = N'Mã cơ sở KCB (MA_CSKCB). Ví dụ: 24001';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'submission_id', @description = N'Bản nộp đã nạp phiên bản này (rpt.submissions). Ví dụ: 1077';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'file_name', @description = N'Tên tệp đã nạp phiên bản này. Ví dụ: hoso_2024_03_gui_lai.xml';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'month', @description = N'Ngày đầu của tháng của hồ sơ. Ví dụ: 2024-03-01';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'visit_type', @description = N'Loại KCB: exam, outpatient hoặc inpatient. Ví dụ: outpatient';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'total_cost', @description = N'Tổng chi phí KCB của phiên bản. Đơn vị: đồng. Ví dụ: 1.250.000';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'insurer_paid', @description = N'Phần quỹ BHYT thanh toán của phiên bản. Đơn vị: đồng. Ví dụ: 1.000.000';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'is_current', @description = N'true với phiên bản hiện hành (được mọi tổng hợp tính), false với phiên bản đã bị thay thế. Ví dụ: false';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'superseded_at', @description = N'Thời điểm phiên bản bị thay thế (UTC); trống với phiên bản hiện hành. Ví dụ: 2024-04-05 10:00:00';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'superseded_by', @description = N'Bản nộp đã thay thế phiên bản này; trống với phiên bản hiện hành. Ví dụ: 1093';
EXEC etl.describe_rpt @view_name = N'claim_versions', @column_name = N'versions', @description = N'Số phiên bản của hồ sơ (kể cả hiện hành). Đơn vị: phiên bản. Ví dụ: 2';

EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = NULL, @description = N'Hồ sơ KCB BHYT tổng hợp theo tháng ra viện, cơ sở KCB và loại KCB; chỉ tính phiên bản hiện hành của mỗi hồ sơ';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'month', @description = N'Ngày đầu của tháng ra viện (tháng của hồ sơ). Ví dụ: 2024-03-01';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'province_code', @description = N'Mã tỉnh của cơ sở KCB. Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'facility_code', @description = N'Mã cơ sở KCB (MA_CSKCB). Ví dụ: 24001';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'facility_tier', @description = N'Tuyến của cơ sở: 1 trung ương, 2 tỉnh, 3 huyện, 4 xã. Ví dụ: 3';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'visit_type', @description = N'Loại KCB: exam (khám bệnh), outpatient (điều trị ngoại trú), inpatient (điều trị nội trú). Ví dụ: inpatient';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'claims', @description = N'Số hồ sơ (lượt KCB). Đơn vị: hồ sơ. Ví dụ: 1.250';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'patients', @description = N'Số thẻ BHYT khác nhau có hồ sơ trong tháng (không cộng được qua các loại KCB). Đơn vị: người. Ví dụ: 1.180';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'bed_days', @description = N'Tổng số ngày điều trị. Đơn vị: ngày. Ví dụ: 6.420';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'total_cost', @description = N'Tổng chi phí KCB (T_TONGCHI). Đơn vị: đồng. Ví dụ: 3.450.000.000';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'insurer_paid', @description = N'Phần quỹ BHYT thanh toán (T_BHTT). Đơn vị: đồng. Ví dụ: 2.900.000.000';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'drug_cost', @description = N'Chi phí thuốc (T_THUOC). Đơn vị: đồng. Ví dụ: 1.200.000.000';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'supplies_cost', @description = N'Chi phí vật tư y tế (T_VTYT). Đơn vị: đồng. Ví dụ: 310.000.000';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'services_cost', @description = N'Chi phí dịch vụ kỹ thuật, theo bảng chi tiết XML3 của các hồ sơ có chi tiết; trống nếu không hồ sơ nào có chi tiết. Đơn vị: đồng. Ví dụ: 820.000.000';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'examination_cost', @description = N'Chi phí khám bệnh, theo bảng chi tiết; trống nếu không hồ sơ nào có chi tiết. Đơn vị: đồng. Ví dụ: 45.000.000';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'bed_day_cost', @description = N'Chi phí ngày giường, theo bảng chi tiết; trống nếu không hồ sơ nào có chi tiết. Đơn vị: đồng. Ví dụ: 640.000.000';
EXEC etl.describe_rpt @view_name = N'claims_monthly', @column_name = N'claims_with_details', @description = N'Số hồ sơ có kèm bảng chi tiết XML2/XML3 (các cột chi phí theo chi tiết chỉ đủ khi bằng claims). Đơn vị: hồ sơ. Ví dụ: 1.250';

EXEC etl.describe_rpt @view_name = N'derivations', @column_name = NULL, @description = N'Các cách kho tự tính một giá trị (source = derived), được nêu trong source_ref của giá trị';
EXEC etl.describe_rpt @view_name = N'derivations', @column_name = N'derivation', @description = N'Mã cách tính: ratio (tỷ lệ từ hai chỉ tiêu), map2025 (quy đổi từ đơn vị trước 2025), map2025+ratio (quy đổi rồi tính tỷ lệ). Ví dụ: map2025';
EXEC etl.describe_rpt @view_name = N'derivations', @column_name = N'name_vi', @description = N'Tên tiếng Việt của cách tính. Ví dụ: Quy đổi từ đơn vị trước 2025';
EXEC etl.describe_rpt @view_name = N'derivations', @column_name = N'description', @description = N'Công thức của cách tính (tiếng Anh). Ví dụ: numerator / denominator × scale of the indicator''s ratio definition';

EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = NULL, @description = N'Hồ sơ KCB của mỗi cơ sở trong mỗi tháng ra viện, gộp mọi loại KCB: số thẻ, thẻ ngoại tỉnh, nội trú và chi phí bình quân, điển hình mà bộ phát hiện bất thường đọc';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'month', @description = N'Ngày đầu của tháng ra viện. Ví dụ: 2024-03-01';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'facility_code', @description = N'Mã cơ sở KCB (MA_CSKCB). Ví dụ: 24001';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'facility_name', @description = N'Tên cơ sở KCB. Ví dụ: Bệnh viện đa khoa huyện Lục Ngạn';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'facility_tier', @description = N'Tuyến: 1 trung ương, 2 tỉnh, 3 huyện, 4 xã. Ví dụ: 3';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'ownership', @description = N'Hình thức sở hữu: public (công lập) hoặc private (tư nhân). Ví dụ: public';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'province_code', @description = N'Mã tỉnh của cơ sở. Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'claims', @description = N'Số hồ sơ trong tháng. Đơn vị: hồ sơ. Ví dụ: 4.380';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'cards', @description = N'Số thẻ BHYT khác nhau có hồ sơ. Đơn vị: thẻ. Ví dụ: 3.910';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'out_of_province_cards', @description = N'Số thẻ khác nhau của người cư trú ngoài tỉnh của cơ sở. Đơn vị: thẻ. Ví dụ: 120';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'inpatient_stays', @description = N'Số đợt điều trị nội trú. Đơn vị: đợt. Ví dụ: 610';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'inpatient_days', @description = N'Tổng số ngày điều trị nội trú. Đơn vị: ngày. Ví dụ: 3.720';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'total_cost', @description = N'Tổng chi phí KCB. Đơn vị: đồng. Ví dụ: 5.600.000.000';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'insurer_paid', @description = N'Phần quỹ BHYT thanh toán. Đơn vị: đồng. Ví dụ: 4.700.000.000';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'drug_cost', @description = N'Chi phí thuốc. Đơn vị: đồng. Ví dụ: 1.900.000.000';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'supplies_cost', @description = N'Chi phí vật tư y tế. Đơn vị: đồng. Ví dụ: 420.000.000';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'outpatient_mean_cost', @description = N'Chi phí bình quân một hồ sơ không nội trú (khám, ngoại trú). Đơn vị: đồng/hồ sơ. Ví dụ: 285.000';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'inpatient_mean_cost', @description = N'Chi phí bình quân một đợt nội trú. Đơn vị: đồng/đợt. Ví dụ: 6.150.000';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'outpatient_typical_cost', @description = N'Chi phí điển hình một hồ sơ không nội trú (trung bình nhân, ít bị kéo bởi hồ sơ rất lớn). Đơn vị: đồng/hồ sơ. Ví dụ: 240.000';
EXEC etl.describe_rpt @view_name = N'facility_months', @column_name = N'inpatient_typical_cost', @description = N'Chi phí điển hình một đợt nội trú (trung bình nhân). Đơn vị: đồng/đợt. Ví dụ: 5.400.000';

EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = NULL, @description = N'Số liệu đọc được từ câu chữ của báo cáo: ứng viên chờ người duyệt, không bao giờ tự thành số liệu chính thức';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'candidate_id', @description = N'Mã ứng viên do kho cấp. Ví dụ: 77';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'submission_id', @description = N'Bản nộp chứa câu (rpt.submissions). Ví dụ: 1042';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'file_name', @description = N'Tên tệp chứa câu. Ví dụ: 004_bao_cao_tinh.docx';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'location', @description = N'Vị trí của câu trong tệp. Ví dụ: dòng 18';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'unit_code', @description = N'Đơn vị đọc được; trống nếu câu và tài liệu không nói. Ví dụ: 219';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'period_label', @description = N'Kỳ đọc được; trống nếu câu và tài liệu không nói. Ví dụ: 2021-07-24';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'indicator_code', @description = N'Chỉ tiêu đọc được (rpt.indicators). Ví dụ: cov_rate';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'indicator_name', @description = N'Tên tiếng Việt của chỉ tiêu. Ví dụ: Tỷ lệ người dân tham gia BHYT/tổng dân số';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'value_kind', @description = N'actual (kết quả) hoặc target (chỉ tiêu) theo cách câu nói. Ví dụ: actual';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'value', @description = N'Giá trị, theo đơn vị đo của chỉ tiêu (value_unit). Đơn vị: theo value_unit. Ví dụ: 87,21';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'value_unit', @description = N'Đơn vị đo của giá trị theo danh mục chỉ tiêu: percent, persons, visits, million_vnd…. Ví dụ: percent';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'value_text', @description = N'Con số như được viết, kèm chữ chỉ đơn vị. Ví dụ: 87,21%';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'confidence', @description = N'Độ tin cậy: câu tự nói rõ đến đâu (0–1). Đơn vị: tỷ lệ (0–1). Ví dụ: 0,85';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'sentence', @description = N'Câu chứa con số. Ví dụ: Đến ngày 24/7/2021, tỷ lệ bao phủ BHYT của huyện giảm còn 87,21%.';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'span_start', @description = N'Vị trí ký tự đầu của con số trong câu (tính từ 0). Đơn vị: ký tự. Ví dụ: 58';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'span_length', @description = N'Độ dài của con số trong câu. Đơn vị: ký tự. Ví dụ: 6';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'status', @description = N'Trạng thái duyệt: open (chờ duyệt), accepted (đã nhận), rejected (bác bỏ). Ví dụ: accepted';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'created_at', @description = N'Thời điểm đọc được (UTC). Ví dụ: 2026-03-02 08:15:00';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'reviewed_by', @description = N'Người duyệt. Ví dụ: phantich01';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'reviewed_at', @description = N'Thời điểm duyệt (UTC). Ví dụ: 2026-03-03 09:00:00';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'corrected_unit_code', @description = N'Đơn vị do người duyệt sửa, nếu sửa. Ví dụ: 219';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'corrected_period_label', @description = N'Kỳ do người duyệt sửa, nếu sửa. Ví dụ: 2021-07-24';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'corrected_indicator_code', @description = N'Chỉ tiêu do người duyệt sửa, nếu sửa. Ví dụ: cov_rate';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'corrected_value_kind', @description = N'Loại giá trị do người duyệt sửa, nếu sửa. Ví dụ: actual';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'corrected_value', @description = N'Giá trị do người duyệt sửa, nếu sửa. Đơn vị: theo value_unit. Ví dụ: 87,21';
EXEC etl.describe_rpt @view_name = N'figure_candidates', @column_name = N'accepted_submission_id', @description = N'Bản nộp (loại review) mà số liệu đã nhận được nạp vào. Ví dụ: 1050';

EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = NULL, @description = N'Bộ nhớ biểu mẫu: các bố cục bảng đã nhận ra, theo chữ ký tiêu đề, được dùng lại cho tài liệu sau có cùng tiêu đề';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'signature_hash', @description = N'Băm SHA-256 của chữ ký tiêu đề (64 ký tự hex), khóa của biểu mẫu. Ví dụ: 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'header_signature', @description = N'Chữ ký tiêu đề: các ô tiêu đề đã chuẩn hóa, con số được che. Ví dụ: stt | chi tieu | don vi tinh | nam # | nam #';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'orientation', @description = N'Hướng bảng: indicator_rows (mỗi dòng một chỉ tiêu), unit_rows (mỗi dòng một đơn vị), period_rows (mỗi dòng một kỳ). Ví dụ: indicator_rows';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'column_count', @description = N'Số cột của bảng. Đơn vị: cột. Ví dụ: 7';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'header_rows', @description = N'Số dòng tiêu đề. Đơn vị: dòng. Ví dụ: 2';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'first_file', @description = N'Tệp đầu tiên có biểu mẫu này. Ví dụ: 001_bao_cao_tinh.docx';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'first_submission_id', @description = N'Bản nộp đầu tiên có biểu mẫu này. Ví dụ: 1001';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'last_file', @description = N'Tệp gần nhất có biểu mẫu này. Ví dụ: 009_bao_cao_huyen.docx';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'recognised_at', @description = N'Thời điểm nhận ra biểu mẫu lần đầu (UTC). Ví dụ: 2026-02-10 08:00:00';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'last_used_at', @description = N'Lần dùng gần nhất (UTC). Ví dụ: 2026-03-02 08:15:00';
EXEC etl.describe_rpt @view_name = N'form_layouts', @column_name = N'uses', @description = N'Số lần biểu mẫu được dùng. Đơn vị: lần. Ví dụ: 5';

EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = NULL, @description = N'Mọi giá trị chỉ tiêu từng được nạp, kể cả giá trị đã bị bản nộp sau thay thế, với tệp, ô nguồn và văn bản gốc của từng giá trị';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'unit_code', @description = N'Mã đơn vị hành chính của số liệu (rpt.units). Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'unit_name', @description = N'Tên đơn vị hành chính. Ví dụ: Tỉnh Bắc Giang';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'unit_level', @description = N'Cấp của đơn vị: country, province, district hoặc commune. Ví dụ: province';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'period_label', @description = N'Nhãn chuẩn của kỳ (rpt.periods). Ví dụ: 2019';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'period_start', @description = N'Ngày đầu của kỳ. Ví dụ: 2019-01-01';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'period_end', @description = N'Ngày cuối của kỳ. Ví dụ: 2019-12-31';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'period_kind', @description = N'Loại kỳ: year, quarter, month, date hoặc range. Ví dụ: year';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'indicator_code', @description = N'Mã chỉ tiêu (rpt.indicators). Ví dụ: cov_participants';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'value', @description = N'Giá trị của chỉ tiêu, theo đơn vị đo của chỉ tiêu (rpt.indicators.unit). Đơn vị: theo rpt.indicators.unit. Ví dụ: 131.408';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'value_kind', @description = N'actual (kết quả thực hiện) hoặc target (chỉ tiêu, kế hoạch). Ví dụ: actual';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'source', @description = N'Nguồn của giá trị: submission, published, claims hoặc derived (như rpt.indicator_values). Ví dụ: submission';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'source_ref', @description = N'Với số liệu báo cáo: nguồn của bản nộp (rpt.sources); với số liệu tính: cách tính (rpt.derivations). Ví dụ: map2025';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'submission_id', @description = N'Bản nộp đã nạp giá trị (rpt.submissions); trống với giá trị kho tự tính. Ví dụ: 1042';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'boundary_set', @description = N'Bộ địa giới của đơn vị: pre2025, post2025 hoặc national. Ví dụ: pre2025';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'derived_from', @description = N'Với giá trị kho tự tính: reported hoặc claims; trống với giá trị báo cáo. Ví dụ: claims';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'file_name', @description = N'Tên tệp của bản nộp. Ví dụ: 002_bao_cao_huyen.docx';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'source_location', @description = N'Vị trí của giá trị trong tệp (trang, bảng, dòng, cột hoặc ô). Ví dụ: bảng 1, dòng 4, cột 3';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'source_text', @description = N'Văn bản gốc của ô hoặc câu chứa giá trị. Ví dụ: 131.408';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'is_current', @description = N'true nếu là giá trị hiện hành; false nếu đã bị bản nộp sau cho cùng đơn vị, kỳ, chỉ tiêu thay thế. Ví dụ: true';
EXEC etl.describe_rpt @view_name = N'indicator_history', @column_name = N'loaded_at', @description = N'Thời điểm giá trị được nạp vào kho (UTC). Ví dụ: 2026-03-02 08:15:00';

EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = NULL, @description = N'Giá trị hiện hành của các chỉ tiêu theo đơn vị, kỳ và loại (thực hiện hoặc chỉ tiêu kế hoạch); giá trị đã bị thay thế bởi bản nộp sau nằm ở rpt.indicator_history';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'unit_code', @description = N'Mã đơn vị hành chính của số liệu (rpt.units). Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'unit_name', @description = N'Tên đơn vị hành chính. Ví dụ: Tỉnh Bắc Giang';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'unit_level', @description = N'Cấp của đơn vị: country, province, district hoặc commune. Ví dụ: province';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'period_label', @description = N'Nhãn chuẩn của kỳ (rpt.periods). Ví dụ: 2021-07';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'period_start', @description = N'Ngày đầu của kỳ. Ví dụ: 2021-07-01';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'period_end', @description = N'Ngày cuối của kỳ. Ví dụ: 2021-07-31';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'period_kind', @description = N'Loại kỳ: year, quarter, month, date hoặc range. Ví dụ: month';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'indicator_code', @description = N'Mã chỉ tiêu (rpt.indicators). Ví dụ: cov_rate';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'value', @description = N'Giá trị của chỉ tiêu, theo đơn vị đo của chỉ tiêu (rpt.indicators.unit). Đơn vị: theo rpt.indicators.unit. Ví dụ: 87,21';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'value_kind', @description = N'actual (kết quả thực hiện) hoặc target (chỉ tiêu, kế hoạch). Ví dụ: actual';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'source', @description = N'Nguồn của giá trị: submission (báo cáo của địa phương), published (văn bản công bố), claims (tính từ hồ sơ KCB), derived (kho tự tính). Ví dụ: submission';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'source_ref', @description = N'Với số liệu báo cáo: nguồn của bản nộp (rpt.sources); với số liệu tính: cách tính (rpt.derivations). Ví dụ: ratio';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'submission_id', @description = N'Bản nộp đã nạp giá trị (rpt.submissions); trống với giá trị kho tự tính. Ví dụ: 1042';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'boundary_set', @description = N'Bộ địa giới của đơn vị: pre2025, post2025 hoặc national. Ví dụ: pre2025';
EXEC etl.describe_rpt @view_name = N'indicator_values', @column_name = N'derived_from', @description = N'Với giá trị kho tự tính: tính từ số liệu reported (báo cáo) hay claims (hồ sơ KCB); trống với giá trị báo cáo. Ví dụ: reported';

EXEC etl.describe_rpt @view_name = N'indicators', @column_name = NULL, @description = N'Danh mục chỉ tiêu của kho (các phụ lục 4–9 và chỉ tiêu quỹ, KCB): mã, tên, đơn vị đo, loại đại lượng, quy tắc cộng và công thức tỷ lệ';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'code', @description = N'Mã chỉ tiêu, dùng trong tệp nộp và mọi view (indicator_code). Ví dụ: cov_participants';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'name_vi', @description = N'Tên chỉ tiêu tiếng Việt, như trong phụ lục. Ví dụ: Tổng số người dân tham gia BHYT';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'name_en', @description = N'Tên chỉ tiêu tiếng Anh. Ví dụ: People insured (BHYT participants)';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'unit', @description = N'Đơn vị đo của giá trị chỉ tiêu: persons (người), percent (%), visits (lượt), facilities (cơ sở), million_vnd (triệu đồng), vnd (đồng). Ví dụ: persons';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'measure', @description = N'Loại đại lượng: stock (số tồn tại một thời điểm), flow (số phát sinh trong kỳ), ratio (tỷ lệ, không cộng dồn). Ví dụ: stock';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'annex', @description = N'Số phụ lục chứa chỉ tiêu (4 bao phủ, 5 nhóm đối tượng, 6 KCB, 7 chi KCB, 8 quỹ, 9 nhân lực). Ví dụ: 4';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'topic', @description = N'Chủ đề của chỉ tiêu: coverage (bao phủ), groups (nhóm đối tượng), kcb (lượt KCB), facilities (cơ sở KCB), spending (chi KCB), fund (quỹ), staff (nhân lực). Ví dụ: coverage';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'sum_of', @description = N'Quy tắc cộng: chỉ tiêu này bằng tổng các chỉ tiêu nối bằng dấu +; sai lệch là cảnh báo, không phải lỗi. Ví dụ: cov_participants+cov_uninsured';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'ratio_numerator', @description = N'Với chỉ tiêu tỷ lệ: mã chỉ tiêu tử số. Ví dụ: cov_participants';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'ratio_denominator', @description = N'Với chỉ tiêu tỷ lệ: mã chỉ tiêu mẫu số. Ví dụ: cov_population';
EXEC etl.describe_rpt @view_name = N'indicators', @column_name = N'ratio_scale', @description = N'Với chỉ tiêu tỷ lệ: hệ số nhân (tỷ lệ = tử số / mẫu số × hệ số). Ví dụ: 100';

EXEC etl.describe_rpt @view_name = N'periods', @column_name = NULL, @description = N'Các kỳ báo cáo như được báo cáo: năm, quý, tháng, ngày và khoảng nhiều năm, với nhãn chuẩn và ngày đầu, ngày cuối';
EXEC etl.describe_rpt @view_name = N'periods', @column_name = N'period_label', @description = N'Nhãn chuẩn của kỳ: 2021, 2021-Q3, 2021-07, 2021-07-24 hoặc 2009-2014. Ví dụ: 2021-Q3';
EXEC etl.describe_rpt @view_name = N'periods', @column_name = N'kind', @description = N'Loại kỳ: year (năm), quarter (quý), month (tháng), date (thời điểm), range (khoảng nhiều năm). Ví dụ: quarter';
EXEC etl.describe_rpt @view_name = N'periods', @column_name = N'label_vi', @description = N'Nhãn tiếng Việt để hiển thị. Ví dụ: Quý III/2021';
EXEC etl.describe_rpt @view_name = N'periods', @column_name = N'period_start', @description = N'Ngày đầu của kỳ. Ví dụ: 2021-07-01';
EXEC etl.describe_rpt @view_name = N'periods', @column_name = N'period_end', @description = N'Ngày cuối của kỳ (với một thời điểm: chính ngày đó). Ví dụ: 2021-09-30';
EXEC etl.describe_rpt @view_name = N'periods', @column_name = N'year', @description = N'Năm của kỳ (năm cuối với khoảng nhiều năm). Đơn vị: năm. Ví dụ: 2021';
EXEC etl.describe_rpt @view_name = N'periods', @column_name = N'quarter', @description = N'Quý trong năm (1–4) với kỳ quý; trống với kỳ khác. Đơn vị: quý. Ví dụ: 3';
EXEC etl.describe_rpt @view_name = N'periods', @column_name = N'month', @description = N'Tháng trong năm (1–12) với kỳ tháng; trống với kỳ khác. Đơn vị: tháng. Ví dụ: 7';

EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = NULL, @description = N'Tỷ lệ nộp báo cáo theo lịch: mỗi đơn vị cấp trên, cấp nộp, kế hoạch, kỳ và phụ lục — số báo cáo phải nộp, đã nộp, đúng hạn, muộn, chưa nộp, chưa đến hạn';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'parent_code', @description = N'Mã đơn vị cấp trên của các đơn vị phải nộp. Ví dụ: 678';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'parent_name', @description = N'Tên đơn vị cấp trên. Ví dụ: Huyện Đức Trọng';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'unit_level', @description = N'Cấp của các đơn vị phải nộp: province, district hoặc commune. Ví dụ: commune';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'boundary_set', @description = N'Bộ địa giới của đơn vị phải nộp: pre2025 hoặc post2025. Ví dụ: pre2025';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'schedule_name', @description = N'Tên kế hoạch trong lịch báo cáo. Ví dụ: Báo cáo tháng cấp xã';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'period_label', @description = N'Kỳ phải báo cáo, nhãn chuẩn. Ví dụ: 2024-12';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'period_kind', @description = N'Loại kỳ: year, quarter, month, date hoặc range. Ví dụ: month';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'period_start', @description = N'Ngày đầu kỳ. Ví dụ: 2024-12-01';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'period_end', @description = N'Ngày cuối kỳ. Ví dụ: 2024-12-31';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'form', @description = N'Phụ lục (4–9); trống nghĩa là số liệu của phụ lục bất kỳ. Ví dụ: 4';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'due_date', @description = N'Hạn nộp sớm nhất của nhóm. Ví dụ: 2025-01-20';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'expected', @description = N'Số báo cáo phải nộp. Đơn vị: báo cáo. Ví dụ: 15';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'received', @description = N'Số báo cáo đã nhận (đúng hạn hoặc muộn). Đơn vị: báo cáo. Ví dụ: 14';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'on_time', @description = N'Số báo cáo nhận đến hết ngày hạn. Đơn vị: báo cáo. Ví dụ: 10';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'late', @description = N'Số báo cáo nhận sau hạn. Đơn vị: báo cáo. Ví dụ: 4';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'missing', @description = N'Số báo cáo quá hạn mà chưa nhận. Đơn vị: báo cáo. Ví dụ: 1';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'pending', @description = N'Số báo cáo chưa nhận, chưa đến hạn. Đơn vị: báo cáo. Ví dụ: 0';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'reporting_rate', @description = N'Tỷ lệ đã nộp = received / expected. Đơn vị: %. Ví dụ: 93,3';
EXEC etl.describe_rpt @view_name = N'reporting_rates', @column_name = N'on_time_rate', @description = N'Tỷ lệ nộp đúng hạn = on_time / expected. Đơn vị: %. Ví dụ: 66,7';

EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = NULL, @description = N'Mỗi báo cáo một đơn vị phải nộp theo lịch báo cáo đã nạp (đơn vị × kỳ × phụ lục), với hạn nộp, lúc nhận và tình trạng đúng hạn, muộn, chưa nộp hoặc chưa đến hạn';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'expectation_id', @description = N'Mã của báo cáo phải nộp do kho cấp khi nạp lịch. Ví dụ: 311';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'schedule_name', @description = N'Tên kế hoạch trong lịch báo cáo (cột name của tệp lịch); tệp lịch sau cùng tên thay thế kế hoạch đó. Ví dụ: Báo cáo tháng cấp xã';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'unit_code', @description = N'Mã đơn vị phải nộp. Ví dụ: 24784';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'unit_name', @description = N'Tên đơn vị phải nộp. Ví dụ: Xã Tân Thành';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'unit_level', @description = N'Cấp của đơn vị phải nộp: province, district hoặc commune. Ví dụ: commune';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'parent_code', @description = N'Mã đơn vị cấp trên trực tiếp của đơn vị phải nộp. Ví dụ: 678';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'parent_name', @description = N'Tên đơn vị cấp trên trực tiếp. Ví dụ: Huyện Đức Trọng';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'province_code', @description = N'Mã tỉnh của đơn vị phải nộp. Ví dụ: 68';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'boundary_set', @description = N'Bộ địa giới của đơn vị phải nộp: pre2025 hoặc post2025. Ví dụ: pre2025';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'period_label', @description = N'Kỳ phải báo cáo, nhãn chuẩn. Ví dụ: 2024-12';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'period_kind', @description = N'Loại kỳ: year, quarter, month, date hoặc range. Ví dụ: month';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'period_start', @description = N'Ngày đầu kỳ. Ví dụ: 2024-12-01';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'period_end', @description = N'Ngày cuối kỳ. Ví dụ: 2024-12-31';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'form', @description = N'Phụ lục phải nộp (4–9); trống nghĩa là số liệu của phụ lục bất kỳ. Ví dụ: 4';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'due_date', @description = N'Hạn nộp (hết ngày này vẫn là đúng hạn). Ví dụ: 2025-01-20';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'received_at', @description = N'Lúc kho nhận bản nộp đầu tiên có số liệu thực hiện của phụ lục đó cho đơn vị, trong kỳ đó (UTC); trống nếu chưa nhận. Ví dụ: 2025-01-18 09:30:00';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'submission_id', @description = N'Bản nộp đầu tiên mang số liệu đó (rpt.submissions); trống nếu chưa nhận. Ví dụ: 1042';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'status', @description = N'Tình trạng: on_time (nhận đến hết ngày hạn), late (nhận sau hạn), missing (quá hạn mà chưa nhận), pending (chưa nhận, chưa đến hạn). Ví dụ: missing';
EXEC etl.describe_rpt @view_name = N'reporting_status', @column_name = N'days_late', @description = N'Số ngày muộn: với late là từ hạn đến ngày nhận, với missing là từ hạn đến hôm nay; 0 nếu đúng hạn hoặc chưa đến hạn. Đơn vị: ngày. Ví dụ: 12';

EXEC etl.describe_rpt @view_name = N'sources', @column_name = NULL, @description = N'Nguồn của số liệu: văn bản công bố, tài liệu địa phương và bộ dữ liệu tổng hợp mà các bản nộp nêu tên';
EXEC etl.describe_rpt @view_name = N'sources', @column_name = N'source_id', @description = N'Mã nguồn, được bản nộp và source_ref của giá trị nêu. Ví dụ: gso-niengiam-2023';
EXEC etl.describe_rpt @view_name = N'sources', @column_name = N'kind', @description = N'Loại nguồn: publication (văn bản công bố), document (tài liệu của địa phương), synthetic (dữ liệu tổng hợp để thử). Ví dụ: publication';
EXEC etl.describe_rpt @view_name = N'sources', @column_name = N'title', @description = N'Tên văn bản hoặc bộ dữ liệu. Ví dụ: Niên giám thống kê 2023';
EXEC etl.describe_rpt @view_name = N'sources', @column_name = N'publisher', @description = N'Cơ quan ban hành. Ví dụ: Tổng cục Thống kê';
EXEC etl.describe_rpt @view_name = N'sources', @column_name = N'url', @description = N'Địa chỉ công bố, nếu có. Ví dụ: https://www.gso.gov.vn/';
EXEC etl.describe_rpt @view_name = N'sources', @column_name = N'published', @description = N'Ngày hoặc năm công bố, như được ghi. Ví dụ: 2024-06';
EXEC etl.describe_rpt @view_name = N'sources', @column_name = N'unit_code', @description = N'Đơn vị hành chính mà nguồn nói về, nếu chỉ một đơn vị. Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'sources', @column_name = N'note', @description = N'Ghi chú về nguồn. Ví dụ: Số liệu đến 31/12/2023';

EXEC etl.describe_rpt @view_name = N'submissions', @column_name = NULL, @description = N'Các tệp đã nhập (bản nộp): một dòng mỗi tệp, với loại, đơn vị, trạng thái và số dòng nạp, bị loại, cảnh báo';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'submission_id', @description = N'Mã bản nộp do kho cấp. Ví dụ: 1042';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'file_name', @description = N'Tên tệp đã nhập. Ví dụ: 002_bao_cao_huyen.docx';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'sha256', @description = N'Băm SHA-256 của nội dung tệp (64 ký tự hex); tệp trùng nội dung được nhận ra nhờ nó. Ví dụ: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'kind', @description = N'Loại tệp: submission (CSV số liệu nộp), report (tài liệu báo cáo có bảng phụ lục), claims (hồ sơ KCB), facilities (danh mục cơ sở KCB), schedule (lịch báo cáo), review (số liệu nhận từ duyệt câu chữ). Ví dụ: report';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'unit_code', @description = N'Mã đơn vị báo cáo của tệp, nếu có. Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'received_at', @description = N'Thời điểm nhập tệp (UTC). Ví dụ: 2026-03-02 08:15:00';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'status', @description = N'Trạng thái: loaded (đã nạp), rejected (bị từ chối cả tệp), duplicate (trùng tệp đã nhập), superseded (bị tệp sau thay thế), empty (đọc được nhưng không có số liệu). Ví dụ: loaded';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'rows_loaded', @description = N'Số dòng số liệu đã nạp. Đơn vị: dòng. Ví dụ: 1.250';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'rows_rejected', @description = N'Số dòng bị loại vì lỗi. Đơn vị: dòng. Ví dụ: 0';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'warnings', @description = N'Số cảnh báo (sai lệch số học, quy tắc cộng…). Đơn vị: cảnh báo. Ví dụ: 3';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'source_id', @description = N'Nguồn của tệp (rpt.sources), nếu có. Ví dụ: gso-niengiam-2023';
EXEC etl.describe_rpt @view_name = N'submissions', @column_name = N'boundary_set', @description = N'Bộ địa giới của đơn vị báo cáo: pre2025, post2025 hoặc national. Ví dụ: pre2025';

EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = NULL, @description = N'Đơn vị trước 2025 đi vào đơn vị nào sau sắp xếp 2025, với tỷ trọng dùng để quy đổi số liệu các năm trước sang đơn vị mới';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'old_unit_code', @description = N'Mã đơn vị trước 2025 (bộ địa giới pre2025). Ví dụ: 00028';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'old_level', @description = N'Cấp của đơn vị cũ: province, district hoặc commune. Ví dụ: commune';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'old_name', @description = N'Tên đơn vị cũ. Ví dụ: Phường Kim Mã';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'new_unit_code', @description = N'Mã đơn vị sau 2025 (bộ địa giới post2025) mà đơn vị cũ (hoặc một phần của nó) đi vào. Ví dụ: 00004';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'new_level', @description = N'Cấp của đơn vị mới: province hoặc commune. Ví dụ: commune';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'new_name', @description = N'Tên đơn vị mới. Ví dụ: Phường Ba Đình';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'merge_type', @description = N'full: cả đơn vị cũ đi vào đơn vị mới; partial: chỉ một phần. Ví dụ: partial';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'weight', @description = N'Tỷ trọng của đơn vị cũ giao cho đơn vị mới (từ 0 đến 1; các tỷ trọng của một đơn vị cũ cộng lại bằng 1). Đơn vị: tỷ lệ (0–1). Ví dụ: 0,333333';
EXEC etl.describe_rpt @view_name = N'unit_succession', @column_name = N'weight_basis', @description = N'Cách xác định tỷ trọng: whole (trọn đơn vị), equal_split (chia đều cho các đơn vị mới), commune_count (theo số xã). Ví dụ: equal_split';

EXEC etl.describe_rpt @view_name = N'units', @column_name = NULL, @description = N'Đơn vị hành chính của cả hai bộ địa giới: trước 2025 (63 tỉnh, huyện, xã đến 30/6/2025) và sau 2025 (34 tỉnh và xã từ 1/7/2025); một dòng mỗi đơn vị trong mỗi thời kỳ hiệu lực';
EXEC etl.describe_rpt @view_name = N'units', @column_name = N'unit_code', @description = N'Mã đơn vị hành chính (mã thống kê GSO: 2 chữ số tỉnh, 3 huyện, 5 xã; VN là cả nước). Mã được dùng lại qua cải cách 2025 nên (unit_code, boundary_set) mới xác định một đơn vị. Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'units', @column_name = N'name', @description = N'Tên đơn vị hành chính. Ví dụ: Tỉnh Bắc Giang';
EXEC etl.describe_rpt @view_name = N'units', @column_name = N'level', @description = N'Cấp hành chính: country (cả nước), province (tỉnh), district (huyện), commune (xã). Ví dụ: district';
EXEC etl.describe_rpt @view_name = N'units', @column_name = N'parent_code', @description = N'Mã đơn vị cấp trên trực tiếp; trống với cả nước. Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'units', @column_name = N'province_code', @description = N'Mã tỉnh chứa đơn vị (chính nó nếu là tỉnh); trống với cả nước. Ví dụ: 24';
EXEC etl.describe_rpt @view_name = N'units', @column_name = N'valid_from', @description = N'Ngày đơn vị bắt đầu có hiệu lực. Ví dụ: 2008-08-01';
EXEC etl.describe_rpt @view_name = N'units', @column_name = N'valid_to', @description = N'Ngày cuối đơn vị còn hiệu lực; trống nếu còn hiệu lực. Ví dụ: 2025-06-30';
EXEC etl.describe_rpt @view_name = N'units', @column_name = N'boundary_set', @description = N'Bộ địa giới: pre2025 (trước 1/7/2025), post2025 (từ 1/7/2025) hoặc national (cả nước, chung cho cả hai). Ví dụ: pre2025';

EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = NULL, @description = N'Các lỗi và cảnh báo phát hiện khi nhập tệp: một dòng mỗi vi phạm, chỉ rõ vị trí trong tệp và quy tắc';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'submission_id', @description = N'Bản nộp có vi phạm (rpt.submissions). Ví dụ: 1042';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'file_name', @description = N'Tên tệp có vi phạm. Ví dụ: xa_2021.csv';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'location', @description = N'Vị trí trong tệp: dòng, cột hoặc ô. Ví dụ: dòng 12, cột value';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'rule', @description = N'Mã quy tắc bị vi phạm (tiếng Anh). Ví dụ: value.negative';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'severity', @description = N'Mức độ: error (lỗi, cả tệp bị từ chối) hoặc warning (cảnh báo, số liệu vẫn được nạp). Ví dụ: warning';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'message', @description = N'Thông báo tiếng Việt cho người dùng. Ví dụ: Giá trị âm không hợp lệ cho chỉ tiêu số người';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'unit_code', @description = N'Đơn vị của dòng vi phạm, nếu xác định được. Ví dụ: 219';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'period_label', @description = N'Kỳ của dòng vi phạm, nếu xác định được. Ví dụ: 2021';
EXEC etl.describe_rpt @view_name = N'validation_issues', @column_name = N'indicator_code', @description = N'Chỉ tiêu của dòng vi phạm, nếu xác định được. Ví dụ: cov_participants';
GO
