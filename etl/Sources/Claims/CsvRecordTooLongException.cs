namespace Bhyt.Etl.Sources.Claims;

/// <summary>A CSV record longer than the chunker reads (<see cref="Utf8CsvChunker.MaxRecordBytes"/>): the file is rejected at that row.</summary>
internal sealed class CsvRecordTooLongException(int limit) : Exception($"A CSV record runs past {limit:N0} bytes.")
{
    public const string Rule = "csv.record_too_long";

    /// <summary>What the user reads, in Vietnamese.</summary>
    public string Explanation { get; } =
        $"Dòng dài hơn {limit:N0} byte (thường do dấu ngoặc kép mở mà không đóng, hoặc tệp không phải bảng XML1); tệp không được đọc tiếp.";
}
