using System.Text;
using Bhyt.Etl.Parsing.Encodings;

namespace Bhyt.Tests.Etl.Parsing.Encodings;

public class VietnameseTextFileTests
{
    [Theory]
    [MemberData(nameof(LegacyBytes.Kinds), MemberType = typeof(LegacyBytes))]
    public void Open_legacy_file_larger_than_a_block_with_a_very_long_line_gives_the_same_text_as_utf8_and_deletes_its_copy(string kind)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 4000; i++) text.Append(UnitCode(i)).Append(",Xã Tà Nung,Thành phố Đà Lạt,").Append(i).Append('\n');
        text.Append(string.Concat(Enumerable.Repeat("Phường ", 20_000))).Append('\n');
        text.Append("Huyện Lạc Dương,cuối tệp không xuống dòng");
        var expected = kind == "tcvn3" ? LegacyBytes.SmallWhereTcvn3HasNoCapital(text.ToString()) : text.ToString();
        var path = Path.Combine(Path.GetTempPath(), $"legacy-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, LegacyBytes.Encode(kind, text.ToString()));
        try
        {
            string copy;
            using (var decoded = VietnameseTextFile.Open(path))
            {
                Assert.Equal(LegacyBytes.EncodingOf(kind), decoded.Decision.Encoding);
                Assert.NotEqual(path, decoded.Path);
                Assert.Equal(expected, File.ReadAllText(decoded.Path, Encoding.UTF8));
                copy = decoded.Path;
            }
            Assert.False(File.Exists(copy));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Open_utf8_file_is_read_in_place()
    {
        var path = Path.Combine(Path.GetTempPath(), $"utf8-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "unit_name\nXã Tà Nung\n", new UTF8Encoding(false));
        try
        {
            using var decoded = VietnameseTextFile.Open(path);
            Assert.Equal(path, decoded.Path);
            Assert.Equal(VietnameseEncoding.Utf8, decoded.Decision.Encoding);
            Assert.Null(decoded.Decision.Note);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string UnitCode(int i) => (i % 3) switch { 0 => "672", 1 => "", _ => "24988" };
}
