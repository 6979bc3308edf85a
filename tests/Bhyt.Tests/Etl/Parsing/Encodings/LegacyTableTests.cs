using Bhyt.Etl.Parsing.Encodings;

namespace Bhyt.Tests.Etl.Parsing.Encodings;

public class LegacyTableTests
{
    [Fact]
    public void VietnameseLetters_are_67_small_and_67_capital()
    {
        Assert.Equal(67, VietnameseLetters.Small.Distinct().Count());
        Assert.Equal(134, VietnameseLetters.All.Distinct().Count());
    }

    [Fact]
    public void Vni_every_letter_round_trips()
    {
        foreach (var letter in VietnameseLetters.All)
            Assert.Equal(letter.ToString(), LegacyTable.Vni.Decode(LegacyTable.Vni.Encode(letter.ToString())));
    }

    [Fact]
    public void Vni_letters_are_the_base_letter_and_mark_bytes_of_the_published_chart()
    {
        Assert.Equal([(byte)'a', 0xF9], LegacyTable.Vni.Encode("á"));
        Assert.Equal([(byte)'A', 0xD9], LegacyTable.Vni.Encode("Á"));
        Assert.Equal([0xF6, 0xF8], LegacyTable.Vni.Encode("ừ"));
        Assert.Equal([0xD1], LegacyTable.Vni.Encode("Đ"));
        Assert.Equal(System.Text.Encoding.Latin1.GetBytes("Thaønh phoá Ñaø Laït"), LegacyTable.Vni.Encode("Thành phố Đà Lạt"));
    }

    [Fact]
    public void Tcvn3_every_small_letter_and_the_seven_plain_capitals_round_trip()
    {
        foreach (var letter in VietnameseLetters.Small.Concat("ĂÂÊÔƠƯĐ"))
        {
            var bytes = LegacyTable.Tcvn3.Encode(letter.ToString());
            Assert.Single(bytes);
            Assert.Equal(letter.ToString(), LegacyTable.Tcvn3.Decode(bytes));
        }
        Assert.Equal([0xB8], LegacyTable.Tcvn3.Encode("á"));
        Assert.Equal(74, LegacyTable.Tcvn3.Letters.Count);
    }

    [Fact]
    public void Convert_capitals_font_draws_the_small_letters_bytes_as_capitals()
    {
        foreach (var capital in VietnameseLetters.Capital)
        {
            var small = char.ToLowerInvariant(capital).ToString();
            var stored = new string(LegacyTable.Tcvn3.Encode(small).Select(b => (char)b).ToArray());
            Assert.Equal(capital.ToString(), LegacyFonts.Convert(stored, ".VnTimeH"));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Windows1258_every_letter_round_trips_composed_or_decomposed(bool decomposeTones)
    {
        foreach (var letter in VietnameseLetters.All)
            Assert.Equal(letter.ToString(), Windows1258.Decode(Windows1258.Encode(letter.ToString(), decomposeTones)));
    }

    [Fact]
    public void Windows1258_decomposed_tones_follow_the_base_letter_as_combining_bytes()
    {
        Assert.Equal([(byte)'a', 0xEC], Windows1258.Encode("á", decomposeTones: true));
        Assert.Equal([0xE1], Windows1258.Encode("á", decomposeTones: false));
        Assert.Equal([0xE2, 0xF2], Windows1258.Encode("ậ", decomposeTones: false));
        Assert.Equal([0xD0, (byte)'a', 0xCC], Windows1258.Encode("Đà", decomposeTones: true));
    }

    [Theory]
    [InlineData(".VnTime", "Thµnh phè §µ L¹t", "Thành phố Đà Lạt")]
    [InlineData(".VnArial", "X· Tµ Nung", "Xã Tà Nung")]
    [InlineData("VNI-Times", "Phöôøng 1", "Phường 1")]
    [InlineData("VNI-Helve", "Xaõ Taø Nung", "Xã Tà Nung")]
    [InlineData("Times New Roman", "Thµnh phè", "Thµnh phè")]
    [InlineData(".VnTime", "Phường 1", "Phường 1")]
    public void Convert_run_text_by_its_font(string font, string stored, string expected) =>
        Assert.Equal(expected, LegacyFonts.Convert(stored, font));
}
