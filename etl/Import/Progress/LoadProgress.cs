using System.Globalization;

namespace Bhyt.Etl.Import.Progress;

/// <summary>
/// Where the load of one file stands: its phase, the bytes of the file read in that phase (a .zip counts compressed
/// bytes), the rows handed to the warehouse so far, and the time since the file and the phase began. Speed and time
/// left come from the bytes, so they hold for any row size and for files whose row count is unknown until the end.
/// </summary>
public sealed record LoadProgress(string File, LoadPhase Phase, long BytesRead, long BytesTotal, long Rows, string RowsAre,
    TimeSpan Elapsed, TimeSpan PhaseElapsed)
{
    private const double BytesPerMegabyte = 1024 * 1024;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Share of the file read in this phase, 0 to 1; 0 in phases that do not read the file.</summary>
    public double Fraction => Phase.ReadsFile() && BytesTotal > 0 ? Math.Min(1, (double)BytesRead / BytesTotal) : Phase == LoadPhase.Done ? 1 : 0;

    /// <summary>Bytes read per second in this phase, in MB (2^20 bytes); 0 before any time has passed.</summary>
    public double MegabytesPerSecond => PhaseElapsed > TimeSpan.Zero ? BytesRead / BytesPerMegabyte / PhaseElapsed.TotalSeconds : 0;

    /// <summary>
    /// Time left in this phase at the speed so far; null in phases that do not read the file, in the first half
    /// second (too few bytes to say) and once the file is read.
    /// </summary>
    public TimeSpan? Remaining => Phase.ReadsFile() && BytesRead > 0 && BytesRead < BytesTotal && PhaseElapsed >= TimeSpan.FromSeconds(0.5)
        ? PhaseElapsed * ((double)Math.Max(0, BytesTotal - BytesRead) / BytesRead)
        : null;

    /// <summary>
    /// One line for a log or a terminal: "claims.csv: đang đọc 45 % · 1.234.567 hồ sơ · 512,3/1.136,0 MB · 85,2 MB/giây ·
    /// còn khoảng 7 giây", or the phase and the time it has taken.
    /// </summary>
    public string Line => $"{File}: {Status}";

    /// <summary><see cref="Line"/> without the file name.</summary>
    public string Status => string.Join(" · ", Parts());

    private IEnumerable<string> Parts()
    {
        if (Phase.ReadsFile())
        {
            yield return $"{Phase.Vietnamese()} {Percent}";
            if (Rows > 0) yield return RowsText;
            yield return $"{Megabytes(BytesRead)}/{Megabytes(BytesTotal)} MB";
            yield return $"{MegabytesPerSecond.ToString("N1", Vi)} MB/giây";
            if (Remaining is { } left) yield return $"còn khoảng {Duration(left)}";
            yield break;
        }
        yield return Phase.Vietnamese();
        if (Rows > 0) yield return RowsText;
        if (Phase.Ends()) yield return $"{Megabytes(BytesTotal)} MB trong {Duration(Elapsed)}";
        else if (PhaseElapsed >= TimeSpan.FromSeconds(1)) yield return Duration(PhaseElapsed);
    }

    /// <summary>Whole percent of the file read in this phase (rounded down, so 100 only once every byte is read).</summary>
    public int PercentRead => Phase == LoadPhase.Done ? 100 : Phase.ReadsFile() && BytesTotal > 0 ? (int)Math.Min(100, BytesRead * 100 / BytesTotal) : 0;

    /// <summary>The share read as users read it: "45 %".</summary>
    public string Percent => $"{PercentRead} %";

    /// <summary>The rows so far: "1.234.567 hồ sơ".</summary>
    public string RowsText => $"{Rows.ToString("N0", Vi)} {RowsAre}";

    private static string Megabytes(long bytes) => (bytes / BytesPerMegabyte).ToString("N1", Vi);

    /// <summary>A duration as users read it, in whole seconds: "7 giây", "2 phút 05 giây", "1 giờ 02 phút".</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Round(span.TotalSeconds);
        return seconds switch
        {
            < 60 => $"{seconds} giây",
            < 3600 => $"{seconds / 60} phút {seconds % 60:00} giây",
            _ => $"{seconds / 3600} giờ {seconds % 3600 / 60:00} phút",
        };
    }
}
