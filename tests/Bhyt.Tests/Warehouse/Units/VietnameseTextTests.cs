using Bhyt.Warehouse.Units;

namespace Bhyt.Tests.Warehouse.Units;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Trảng Đà", "Tràng Đà")]
    [InlineData("Ý La", "Ỷ La")]
    [InlineData("Lương Vượng", "Lưỡng Vượng")]
    [InlineData("Hoà Bình", "Hòa Bình")]
    [InlineData("Thuỵ Khuê", "Thụy Khuê")]
    public void FoldTones_spelling_variants_meet(string a, string b) =>
        Assert.Equal(VietnameseText.FoldTones(a), VietnameseText.FoldTones(b));

    [Theory]
    [InlineData("Quan Hóa", "Quận Hoá")]
    [InlineData("Ân Thi", "An Thi")]
    public void FoldTones_keeps_vowel_shape(string a, string b) =>
        Assert.NotEqual(VietnameseText.FoldTones(a), VietnameseText.FoldTones(b));

    [Theory]
    [InlineData("Tỷ lệ người tham gia BHYT/dân số", "ty le nguoi tham gia bhyt dan so")]
    [InlineData("  Thừa Thiên - Huế ", "thua thien hue")]
    [InlineData("Phường 01", "phuong 1")]
    [InlineData("Đắk Lắk", "dak lak")]
    public void FoldAll_drops_every_mark_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.FoldAll(text));
}
