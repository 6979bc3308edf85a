using System.Data.Common;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Parquet;
using Parquet.Schema;

namespace Bhyt.Warehouse.Export;

/// <summary>
/// Streams one view's rows into a Parquet file and a CSV file at once (one pass over the engine's reader, one row
/// group of <see cref="RowGroupSize"/> rows in memory), so both engines export the same way.
/// </summary>
internal static class ViewFileWriter
{
    public const int RowGroupSize = 65_536;

    // UTF-8 with a byte-order mark: Excel then reads Vietnamese text right, and DuckDB, pandas and R skip the mark.
    private static readonly Encoding Utf8WithMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly CsvConfiguration Csv = new(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    /// <summary>Writes every row of <paramref name="reader"/>; returns how many.</summary>
    public static async Task<long> WriteAsync(DbDataReader reader, IReadOnlyList<ViewColumn> columns, string parquetPath, string csvPath,
        CancellationToken ct)
    {
        var buffers = columns.Select((column, i) => ParquetColumn.For(column, reader.GetFieldType(i), RowGroupSize)).ToArray();
        await using var parquetStream = File.Create(parquetPath);
        await using var parquet = await ParquetWriter.CreateAsync(new ParquetSchema(buffers.Select(b => (Field)b.Field)), parquetStream,
            new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, false, ct);
        await using var csvStream = new StreamWriter(csvPath, false, Utf8WithMark, 1 << 16);
        await using var csv = new CsvWriter(csvStream, Csv);
        foreach (var column in columns) csv.WriteField(column.Name);
        await csv.NextRecordAsync();

        long rows = 0;
        var pending = 0;
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < buffers.Length; i++)
            {
                buffers[i].Add(reader, i);
                csv.WriteField(reader.IsDBNull(i) ? null : ExportValue.Text(reader.GetValue(i)));
            }
            await csv.NextRecordAsync();
            rows++;
            if (++pending == RowGroupSize)
            {
                await FlushAsync(parquet, buffers, pending, ct);
                pending = 0;
            }
        }
        // An empty view still gets one empty row group, so its file carries the schema and reads back as zero rows.
        if (pending > 0 || rows == 0) await FlushAsync(parquet, buffers, pending, ct);
        return rows;
    }

    private static async Task FlushAsync(ParquetWriter parquet, ParquetColumn[] buffers, int count, CancellationToken ct)
    {
        using var rowGroup = parquet.CreateRowGroup();
        foreach (var buffer in buffers) await buffer.WriteAsync(rowGroup, count, ct);
    }
}
