using Bhyt.Etl.Parsing;
using Bhyt.Warehouse.Periods;

namespace Bhyt.Tests.Etl.Parsing;

public class PeriodHeaderTests
{
    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("Năm 2021", "2021")]
    [InlineData("năm 2021", "2021")]
    [InlineData("NĂM 2021", "2021")]
    [InlineData("Nam 2021", "2021")]
    [InlineData("<b>Năm 2021</b>", "2021")]
    [InlineData("2009-2014", "2009-2014")]        // seeds/001 column headers
    [InlineData("2015-2019", "2015-2019")]
    [InlineData("2020-2024", "2020-2024")]
    [InlineData("2009 - 2014", "2009-2014")]
    [InlineData("2009–2014", "2009-2014")]
    [InlineData("2012 – 2020", "2012-2020")]
    [InlineData("Giai đoạn 2015-2019", "2015-2019")]
    [InlineData("giai đoạn 2009 - 2024", "2009-2024")]
    [InlineData("GĐ 2015 - 2019", "2015-2019")]
    [InlineData("Từ năm 2015 đến năm 2019", "2015-2019")]
    [InlineData("Tháng 7/2021", "2021-07")]
    [InlineData("tháng 07 năm 2021", "2021-07")]
    [InlineData("Tháng 7-2021", "2021-07")]
    [InlineData("7/2021", "2021-07")]
    [InlineData("Quý III/2021", "2021-Q3")]
    [InlineData("Quý 3 năm 2021", "2021-Q3")]
    [InlineData("Quý IV/2020", "2020-Q4")]
    [InlineData("Quý I năm 2022", "2022-Q1")]
    [InlineData("Quy II/2021", "2021-Q2")]
    [InlineData("31/12/2018", "2018-12-31")]
    [InlineData("24/7/2021", "2021-07-24")]      // seeds/004: coverage fell to 87,21%
    [InlineData("Ngày 24/7/2021", "2021-07-24")]
    [InlineData("ngày 24 tháng 7 năm 2021", "2021-07-24")]
    [InlineData("2021-07", "2021-07")]
    [InlineData("2021-Q3", "2021-Q3")]
    [InlineData("2021-07-24", "2021-07-24")]
    [InlineData("Kế hoạch năm 2021", "2021")]
    [InlineData("Thực hiện 2021", "2021")]
    [InlineData("KH 2022", "2022")]
    [InlineData("Năm 2021 (người)", "2021")]
    [InlineData("Năm 2021:", "2021")]
    public void TryParse_period_headers_give_period(string header, string label)
    {
        Assert.True(PeriodHeader.TryParse(header, out var period));
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("Đến hết năm 2019")]              // seeds/002 column group headers
    [InlineData("đến hết năm 2019")]
    [InlineData("Den het nam 2019")]
    [InlineData("<b>Đến hết năm 2019</b>")]
    [InlineData("Đến 31/12/2019")]
    [InlineData("Tính đến 31/12/2019")]
    [InlineData("Đến ngày 31/12/2019")]
    [InlineData("Đến cuối năm 2019")]
    [InlineData("Tính đến hết năm 2019")]
    [InlineData("Đến năm 2019")]
    [InlineData("Chỉ tiêu đến hết năm 2019")]
    public void TryParse_as_of_phrases_give_date_at_period_end(string header)
    {
        Assert.True(PeriodHeader.TryParse(header, out var period));
        Assert.Equal(Period.Date(new DateOnly(2019, 12, 31)), period);
    }

    [Fact]
    public void TryParse_as_of_month_gives_last_day_of_month()
    {
        Assert.True(PeriodHeader.TryParse("Tính đến hết tháng 6/2021", out var period));
        Assert.Equal(Period.Date(new DateOnly(2021, 6, 30)), period);
    }

    [Fact]
    public void TryParse_ill_formed_text_gives_false_not_exception() =>
        Assert.False(PeriodHeader.TryParse("Năm 2021 " + (char)0xD800, out _)); // built in code: serialisation would repair it

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("STT")]
    [InlineData("TT")]
    [InlineData("Tỷ lệ bao phủ BHYT")]
    [InlineData("Số người đã tham gia BHYT (người)")]
    [InlineData("Số người chưa tham gia BHYT (người)")]
    [InlineData("Dân số")]
    [InlineData("Tỷ lệ (%)")]
    [InlineData("Xã, phường")]
    [InlineData("Các loại BHYT")]
    [InlineData("6 tháng đầu năm 2021")]        // no half-year kind: refused rather than misread as the year
    [InlineData("6 tháng cuối năm 2021")]
    [InlineData("9 tháng năm 2021")]
    [InlineData("Năm học 2018-2019")]
    [InlineData("2019-2015")]
    [InlineData("2019-2019")]
    [InlineData("Tháng 13/2021")]
    [InlineData("31/02/2020")]
    [InlineData("Quý V/2021")]
    [InlineData("Năm 1850")]
    [InlineData("131.408")]
    [InlineData("1")]
    [InlineData("٢٠٢١")]                        // Arabic-Indic digits: refused, not thrown on
    [InlineData("Năm ٢٠٢١")]
    public void TryParse_non_period_headers_give_false(string? header) =>
        Assert.False(PeriodHeader.TryParse(header, out _));
}
