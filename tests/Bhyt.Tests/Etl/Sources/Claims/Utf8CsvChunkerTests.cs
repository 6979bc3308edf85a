using System.Text;
using Bhyt.Etl.Sources.Claims;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Sources.Claims;

public class Utf8CsvChunkerTests
{
    private static List<(int Row, string[] Fields)> ReadWhole(string path)
    {
        using var csv = new Utf8CsvReader(path);
        var records = new List<(int, string[])>();
        while (csv.Read()) records.Add((csv.Row, Fields(csv)));
        return records;
    }

    /// <summary>The file read chunk by chunk, each chunk's rows counted on from the rows of the chunks before it.</summary>
    private static List<(int Row, string[] Fields)> ReadChunked(string path, int chunkSize)
    {
        using var chunker = new Utf8CsvChunker(path, chunkSize);
        var records = new List<(int, string[])>();
        var rowsBefore = 0;
        var buffer = Array.Empty<byte>();
        for (int length; (length = chunker.Next(ref buffer)) > 0;)
        {
            var csv = new Utf8CsvReader(buffer, 0, length, chunker.Delimiter);
            while (csv.Read()) records.Add((rowsBefore + csv.Row, Fields(csv)));
            rowsBefore += csv.Row;
        }
        return records;
    }

    private static string[] Fields(Utf8CsvReader csv) => Enumerable.Range(0, csv.FieldCount).Select(i => Encoding.UTF8.GetString(csv[i])).ToArray();

    private static string Write(TempFolder folder, string content, Encoding? encoding = null) =>
        folder.Write("claims.csv", (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(content)).ToArray());

    [Theory]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n", 7)]
    [InlineData("a,b\r1,2\r3,4\r", 5)]
    [InlineData("a;b\n1;\"x\ny\"\n2;\"q\"\"\n\"\"r\"\n\n\n3;4", 6)]
    [InlineData("a,b\n1,x\"y\n2,\"z\n", 4)]
    [InlineData("a;b\n1;2\n", 1)]
    public void Next_chunks_cut_between_records_give_the_rows_of_one_pass(string content, int chunkSize)
    {
        using var folder = new TempFolder();
        var path = Write(folder, content, new UTF8Encoding(true));

        Assert.Equal(ReadWhole(path), ReadChunked(path, chunkSize), RecordComparer.Instance);
    }

    [Fact]
    public void Next_utf16_file_with_byte_order_mark_is_chunked_as_utf8()
    {
        using var folder = new TempFolder();
        var path = Write(folder, "MA_LK\tMA_CSKCB\nLK1\tBệnh viện\nLK2\tTrạm y tế\n", Encoding.Unicode);

        Assert.Equal([(2, ["LK1", "Bệnh viện"]), (3, ["LK2", "Trạm y tế"])], ReadChunked(path, 8).Skip(1), RecordComparer.Instance);
    }

    [Property(MaxTest = 300)]
    public Property Next_random_csv_in_chunks_of_any_size_gives_the_rows_of_one_pass() =>
        Prop.ForAll(CsvContents.ToArbitrary(), Gen.Choose(1, 48).ToArbitrary(), (content, chunkSize) =>
        {
            using var folder = new TempFolder();
            var path = Write(folder, content);
            var expected = ReadWhole(path);
            var actual = ReadChunked(path, chunkSize);
            return (expected.Count == actual.Count && expected.Zip(actual).All(p => RecordComparer.Instance.Equals(p.First, p.Second)))
                .Label($"chunk {chunkSize}, content {content.Replace("\r", "\\r").Replace("\n", "\\n")}");
        });

    private static Gen<string> Field =>
        Gen.OneOf(
            Gen.Elements("LK1", "68001", "250000,00", "", "Bệnh viện", " x ", "a\"b", "GD4797932176423;HN4010123456789"),
            Gen.Elements("a\"b", "x,y", "p;q", "line\nbreak", "cr\r\nlf", "cr\ronly", "\"quoted\"").Select(v => "\"" + v.Replace("\"", "\"\"") + "\""));

    private static Gen<string> CsvContents =>
        from separator in Gen.Elements(",", ";")
        from lineEnd in Gen.Elements("\n", "\r\n", "\r")
        from width in Gen.Choose(1, 4)
        from rows in Gen.Choose(1, 8)
        from cells in Field.ArrayOf(width * rows)
        from blank in Gen.Elements("", lineEnd)
        from trailing in Gen.Elements("", lineEnd)
        let header = string.Join(separator, Enumerable.Range(0, width).Select(i => $"C{i}"))
        select header + lineEnd + string.Join(lineEnd + blank, cells.Chunk(width).Select(r => string.Join(separator, r))) + trailing;

    private sealed class RecordComparer : IEqualityComparer<(int Row, string[] Fields)>
    {
        public static readonly RecordComparer Instance = new();

        public bool Equals((int Row, string[] Fields) x, (int Row, string[] Fields) y) => x.Row == y.Row && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode((int Row, string[] Fields) obj) => obj.Row;
    }
}
