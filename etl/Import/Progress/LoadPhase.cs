namespace Bhyt.Etl.Import.Progress;

/// <summary>
/// The steps of loading one file, in order. <see cref="Uploading"/>, <see cref="Hashing"/> and <see cref="Reading"/> go through the file's bytes
/// (a fraction, MB/s and the time left are known); the others are shown by name and time spent.
/// </summary>
public enum LoadPhase
{
    Uploading,
    Hashing,
    Counting,
    Reading,
    Versions,
    Monthly,
    Indicators,
    Checking,
    Saving,
    Done,
    Failed,
}

/// <summary>What users read about each <see cref="LoadPhase"/>.</summary>
public static class LoadPhases
{
    /// <summary>Whether the phase reads the file front to back (its bytes are counted from zero when it starts).</summary>
    public static bool ReadsFile(this LoadPhase phase) => phase is LoadPhase.Uploading or LoadPhase.Hashing or LoadPhase.Reading;

    /// <summary>Whether the load has ended, loaded (or rejected, or a duplicate) or stopped by an error.</summary>
    public static bool Ends(this LoadPhase phase) => phase is LoadPhase.Done or LoadPhase.Failed;

    public static string Vietnamese(this LoadPhase phase) => phase switch
    {
        LoadPhase.Uploading => "đang tải lên",
        LoadPhase.Hashing => "đang kiểm tra trùng tệp…",
        LoadPhase.Counting => "đang đếm hồ sơ…",
        LoadPhase.Reading => "đang đọc",
        LoadPhase.Versions => "đang đối chiếu hồ sơ gửi lại…",
        LoadPhase.Monthly => "đang tính tổng hợp tháng…",
        LoadPhase.Indicators => "đang tính chỉ tiêu…",
        LoadPhase.Checking => "đang kiểm tra số liệu…",
        LoadPhase.Saving => "đang ghi vào kho…",
        LoadPhase.Done => "xong",
        LoadPhase.Failed => "dừng vì lỗi",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
