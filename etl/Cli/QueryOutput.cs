using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Bhyt.Etl.Cli;

/// <summary>Writes a query result as an aligned table, CSV or JSON (invariant formats, for scripts).</summary>
internal static class QueryOutput
{
    public static void Write(TextWriter output, Bhyt.Warehouse.Querying.QueryResult result, string format)
    {
        switch (format)
        {
            case "csv": WriteCsv(output, result); break;
            case "json": WriteJson(output, result); break;
            default: WriteTable(output, result); break;
        }
    }

    private static void WriteTable(TextWriter output, Bhyt.Warehouse.Querying.QueryResult result)
    {
        var cells = result.Rows.Select(row => row.Select(Text).ToArray()).ToList();
        var widths = result.Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        string Line(IEnumerable<string> values) => string.Join(" | ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(result.Columns));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells) output.WriteLine(Line(row));
    }

    private static void WriteCsv(TextWriter output, Bhyt.Warehouse.Querying.QueryResult result)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in result.Columns) csv.WriteField(column);
        csv.NextRecord();
        foreach (var row in result.Rows)
        {
            foreach (var value in row) csv.WriteField(Text(value));
            csv.NextRecord();
        }
    }

    private static void WriteJson(TextWriter output, Bhyt.Warehouse.Querying.QueryResult result)
    {
        var objects = result.Rows.Select(row => result.Columns.Select((c, i) => (c, v: Json(row[i])))
            .ToDictionary(p => p.c, p => p.v));
        output.WriteLine(JsonSerializer.Serialize(objects, new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }

    private static object? Json(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss.FFF", CultureInfo.InvariantCulture),
        System.Numerics.BigInteger b => (decimal)b,
        _ => value,
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        // DuckDB LIST / ARRAY values arrive as .NET lists; MAP and STRUCT as dictionaries.
        System.Collections.IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object?>().Select(k => $"{Text(k)}: {Text(map[k!])}")) + "}",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Text)) + "]",
        _ => value.ToString() ?? "",
    };
}
