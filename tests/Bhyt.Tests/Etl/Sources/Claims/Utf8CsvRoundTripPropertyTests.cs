using System.Text;
using Bhyt.Etl.Sources.Claims;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bhyt.Tests.Etl.Sources.Claims;

/// <summary>
/// Join-then-split: rows of fields holding the delimiter, quotes, CR, LF and CRLF, Vietnamese letters and spaces, written
/// as RFC 4180 says (a field with any of those quoted, its quotes doubled), split back by <see cref="Utf8CsvReader"/>
/// — whole, and cut into chunks of any size by <see cref="Utf8CsvChunker"/> — give the same fields.
/// </summary>
public class Utf8CsvRoundTripPropertyTests
{
    private static readonly string[] Pieces = ["a", "Đà Lạt", "215.000", "1,5", ",", ";", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t", "x\"y", "ạ"];

    private static readonly Gen<string> Field = Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts.Take(6)));

    /// <summary>Rows of one to six fields; a row of one empty field is a blank line, which the reader skips, so it has a letter.</summary>
    private static readonly Gen<string[][]> Rows = Gen.ListOf(Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Field, n)))
        .Select(rows => rows.Take(30).Select(r => r.Length == 1 && r[0].Length == 0 ? ["a"] : r).ToArray());

    [Property(MaxTest = 500)]
    public Property Read_joined_rows_gives_the_fields_back() =>
        Prop.ForAll(Gen.Zip(Rows, Gen.Zip(Gen.Elements((byte)',', (byte)';'), Gen.Elements("\n", "\r\n", "\r"))).ToArbitrary(), t =>
        {
            var (rows, (delimiter, lineEnd)) = t;
            var bytes = Encoding.UTF8.GetBytes(Join(rows, (char)delimiter, lineEnd));
            var read = Split(new Utf8CsvReader(bytes, 0, bytes.Length, delimiter));
            return Same(rows, read).Label(Describe(rows, read));
        });

    [Property(MaxTest = 200)]
    public Property Next_chunks_of_any_size_split_back_to_the_fields() =>
        Prop.ForAll(Gen.Zip(Rows, Gen.Choose(1, 64)).ToArbitrary(), t =>
        {
            var (rows, chunkSize) = t;
            var path = Path.GetTempFileName();
            try
            {
                // A first row of plain commas, so that the chunker detects the delimiter the rows were joined with.
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(Join([["h1", "h2"], .. rows], ',', "\r\n")));
                using var chunker = new Utf8CsvChunker(path, chunkSize);
                var read = new List<string[]>();
                var buffer = Array.Empty<byte>();
                for (int length; (length = chunker.Next(ref buffer)) > 0;)
                    read.AddRange(Split(new Utf8CsvReader(buffer, 0, length, chunker.Delimiter)));
                return Same([["h1", "h2"], .. rows], read).Label(Describe(rows, read));
            }
            finally { File.Delete(path); }
        });

    private static string Join(IEnumerable<string[]> rows, char delimiter, string lineEnd) =>
        string.Concat(rows.Select(r => string.Join(delimiter, r.Select(f => Quote(f, delimiter))) + lineEnd));

    private static string Quote(string field, char delimiter) =>
        field.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    private static List<string[]> Split(Utf8CsvReader reader)
    {
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Encoding.UTF8.GetString(reader[i])).ToArray());
        return rows;
    }

    private static bool Same(IReadOnlyList<string[]> written, IReadOnlyList<string[]> read) =>
        written.Count == read.Count && written.Zip(read).All(p => p.First.SequenceEqual(p.Second));

    private static string Describe(IEnumerable<string[]> written, IEnumerable<string[]> read) =>
        $"wrote {string.Join(" / ", written.Select(r => string.Join("|", r)))}\nread {string.Join(" / ", read.Select(r => string.Join("|", r)))}";
}
