using Bhyt.Etl.Import.Progress;

namespace Bhyt.Tests.Etl.Import.Progress;

public class LoadProgressTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void Remaining_is_the_time_the_unread_bytes_take_at_the_speed_so_far()
    {
        var progress = new LoadProgress("claims.csv", LoadPhase.Reading, 25 * Megabyte, 100 * Megabyte, 1_234_567, "hồ sơ",
            TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(30), progress.Remaining);
        Assert.Equal(2.5, progress.MegabytesPerSecond, 6);
        Assert.Equal("claims.csv: đang đọc 25 % · 1.234.567 hồ sơ · 25,0/100,0 MB · 2,5 MB/giây · còn khoảng 30 giây", progress.Line);
    }

    [Theory]
    [InlineData(LoadPhase.Reading, 0.2, 50, false)]
    [InlineData(LoadPhase.Reading, 3, 100, false)]
    [InlineData(LoadPhase.Monthly, 3, 100, false)]
    [InlineData(LoadPhase.Reading, 3, 50, true)]
    public void Remaining_is_known_only_while_a_file_is_read_after_the_first_half_second(LoadPhase phase, double seconds, long megabytesRead, bool known)
    {
        var progress = new LoadProgress("a.xml", phase, megabytesRead * Megabyte, 100 * Megabyte, 10, "hồ sơ", TimeSpan.FromSeconds(seconds),
            TimeSpan.FromSeconds(seconds));

        Assert.Equal(known, progress.Remaining is not null);
    }

    [Theory]
    [InlineData(7, "7 giây")]
    [InlineData(125, "2 phút 05 giây")]
    [InlineData(3720, "1 giờ 02 phút")]
    public void Duration_reads_as_hours_minutes_or_seconds(int seconds, string expected) =>
        Assert.Equal(expected, LoadProgress.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Line_of_a_later_phase_names_it_with_the_rows_and_the_time_it_has_taken()
    {
        var progress = new LoadProgress("claims.csv", LoadPhase.Indicators, 100, 100, 3_000_000, "hồ sơ", TimeSpan.FromSeconds(200),
            TimeSpan.FromSeconds(75));

        Assert.Equal("claims.csv: đang tính chỉ tiêu… · 3.000.000 hồ sơ · 1 phút 15 giây", progress.Line);
    }
}
