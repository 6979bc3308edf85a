using Bhyt.Etl.Parsing.Encodings;

namespace Bhyt.Tests.Etl.Parsing.Encodings;

public class VietnameseSyllableTests
{
    [Theory]
    [InlineData("Thành")]
    [InlineData("phố")]
    [InlineData("Đà")]
    [InlineData("Lạt")]
    [InlineData("Phường")]
    [InlineData("HUYỆN")]
    [InlineData("khuyến")]
    [InlineData("nghiêng")]
    [InlineData("gì")]
    [InlineData("quốc")]
    [InlineData("Ỷ")]
    public void IsValid_vietnamese_syllable_is_valid(string word) => Assert.True(VietnameseSyllable.IsValid(word));

    [Theory]
    [InlineData("Thaønh")] // VNI bytes read as Windows-1258
    [InlineData("Thµnh")] // TCVN3 bytes read as Windows-1258
    [InlineData("Lạc̀")] // two tones
    [InlineData("Lảt")] // a stop coda takes only sắc or nặng
    [InlineData("Th\uFFFDnh")]
    [InlineData("xyz")]
    public void IsValid_impossible_word_is_invalid(string word) => Assert.False(VietnameseSyllable.IsValid(word));
}
