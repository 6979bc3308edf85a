using System.Globalization;
using System.Text;
using Bhyt.Etl.Sources.Claims;
using CsvHelper;
using CsvHelper.Configuration;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Sources.Claims;

public class Utf8CsvReaderTests
{
    private static List<(int Row, string[] Fields)> Read(string path)
    {
        using var csv = new Utf8CsvReader(path);
        var records = new List<(int, string[])>();
        while (csv.Read()) records.Add((csv.Row, Enumerable.Range(0, csv.FieldCount).Select(i => Encoding.UTF8.GetString(csv[i])).ToArray()));
        return records;
    }

    /// <summary>What the claims reader read with before: CsvHelper with the same settings.</summary>
    private static List<(int Row, string[] Fields)> ReadWithCsvHelper(string path)
    {
        using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"], BadDataFound = null, MissingFieldFound = null,
        };
        using var parser = new CsvParser(stream, config);
        var records = new List<(int, string[])>();
        while (parser.Read()) records.Add((parser.Row, parser.Record!));
        return records;
    }

    private static string Write(TempFolder folder, string content, Encoding? encoding = null) =>
        folder.Write("claims.csv", (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(content)).ToArray());

    [Fact]
    public void Read_quoted_fields_keep_separators_quotes_and_line_breaks()
    {
        using var folder = new TempFolder();
        var records = Read(Write(folder, "MA_LK,T_TONGCHI,GHI_CHU\nA1,\"250000,00\",\"nói \"\"khỏe\"\"\nra viện\"\nA2,1,x\n"));

        Assert.Equal(["A1", "250000,00", "nói \"khỏe\"\nra viện"], records[1].Fields);
        Assert.Equal((3, "A2"), (records[2].Row, records[2].Fields[0]));
    }

    [Fact]
    public void Read_semicolon_header_with_bom_and_crlf_splits_on_semicolons()
    {
        using var folder = new TempFolder();
        var records = Read(Write(folder, "MA_LK;T_TONGCHI_BH;MA_THE_BHYT\r\nA1;2491500,00;GD4797932176423;HN4010123456789\r\n", new UTF8Encoding(true)));

        Assert.Equal(["MA_LK", "T_TONGCHI_BH", "MA_THE_BHYT"], records[0].Fields);
        Assert.Equal(["A1", "2491500,00", "GD4797932176423", "HN4010123456789"], records[1].Fields);
    }

    [Fact]
    public void Read_empty_trailing_fields_and_short_rows_read_as_empty()
    {
        using var folder = new TempFolder();
        var path = Write(folder, "a,b,c\n1,,\n2\n");
        using var csv = new Utf8CsvReader(path);

        Assert.True(csv.Read() && csv.Read());
        Assert.Equal((3, 0, 0), (csv.FieldCount, csv[1].Length, csv[2].Length));
        Assert.True(csv.Read());
        Assert.Equal((1, "2", 0), (csv.FieldCount, Encoding.UTF8.GetString(csv[0]), csv[2].Length));
        Assert.False(csv.Read());
    }

    [Fact]
    public void Read_utf16_file_with_byte_order_mark_is_transcoded()
    {
        using var folder = new TempFolder();
        var records = Read(Write(folder, "MA_LK\tMA_CSKCB\nLK1\tBệnh viện\n", Encoding.Unicode));

        Assert.Equal(["LK1", "Bệnh viện"], records[1].Fields);
    }

    [Fact]
    public void Read_records_longer_than_the_buffer_are_read_whole()
    {
        using var folder = new TempFolder();
        var longField = new string('x', 3 << 20);
        var records = Read(Write(folder, $"a,b\n1,\"{longField}\"\n2,{longField}\n3,z"));

        Assert.Equal([longField, longField, "z"], records.Skip(1).Select(r => r.Fields[1]));
    }

    [Fact]
    public void Read_crlf_split_across_buffers_is_one_line_end()
    {
        using var folder = new TempFolder();
        var header = "a,b\r\n";
        var first = "1," + new string('x', (1 << 20) - header.Length - 3) + "\r\n";
        var path = Write(folder, header + first + "2,y\r\n");

        Assert.Equal([(2, "1"), (3, "2")], Read(path).Skip(1).Select(r => (r.Row, r.Fields[0])));
    }

    [Theory]
    [InlineData("a,b\n\n1,2\n\n\n3,4")]
    [InlineData("a;b\r\n1;\"x;y\"\r\n\"\";\"\"\r\n")]
    [InlineData("a,b\r1,2\r3,4\r")]
    [InlineData("a,b\n1,\"unterminated\n2,3\n")]
    [InlineData("a,b\n1,x\"y\"z\n2,\"q\"r\n")]
    [InlineData("a\tb\n1\t2,5\n")]
    public void Read_gives_the_records_and_rows_csvhelper_gave(string content)
    {
        using var folder = new TempFolder();
        var path = Write(folder, content);

        Assert.Equal(ReadWithCsvHelper(path), Read(path), RecordComparer.Instance);
    }

    [Property(MaxTest = 300)]
    public Property Read_random_csv_gives_the_records_and_rows_csvhelper_gave() =>
        Prop.ForAll(CsvContents.ToArbitrary(), content =>
        {
            using var folder = new TempFolder();
            var path = Write(folder, content);
            var expected = ReadWithCsvHelper(path);
            var actual = Read(path);
            return (expected.Count == actual.Count && expected.Zip(actual).All(p => RecordComparer.Instance.Equals(p.First, p.Second)))
                .Label($"content {content.Replace("\r", "\\r").Replace("\n", "\\n")}");
        });

    private static Gen<string> Field =>
        Gen.OneOf(
            Gen.Elements("LK1", "68001", "250000,00", "2491500.5", "", "Bệnh viện", " x ", "GD4797932176423;HN4010123456789"),
            Gen.Elements("a\"b", "x,y", "p;q", "line\nbreak", "cr\r\nlf", "\"quoted\"").Select(v => "\"" + v.Replace("\"", "\"\"") + "\""));

    private static Gen<string> CsvContents =>
        from separator in Gen.Elements(",", ";")
        from lineEnd in Gen.Elements("\n", "\r\n")
        from width in Gen.Choose(1, 5)
        from rows in Gen.Choose(1, 6)
        from cells in Field.ArrayOf(width * rows)
        from trailing in Gen.Elements("", lineEnd)
        let header = string.Join(separator, Enumerable.Range(0, width).Select(i => $"C{i}"))
        select header + lineEnd + string.Join(lineEnd, cells.Chunk(width).Select(r => string.Join(separator, r))) + trailing;

    private sealed class RecordComparer : IEqualityComparer<(int Row, string[] Fields)>
    {
        public static readonly RecordComparer Instance = new();

        public bool Equals((int Row, string[] Fields) x, (int Row, string[] Fields) y) => x.Row == y.Row && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode((int Row, string[] Fields) obj) => obj.Row;
    }
}
