using System.Globalization;
using Bhyt.Etl.Loading;

namespace Bhyt.Etl.Sources.Reports;

/// <summary>
/// How one table was recognised, for <c>bhyt import --explain</c> and for the near-misses of an empty import: the reader's
/// layout, the header rows, the label/unit/numbering columns, each value column's period and kind, the orientation,
/// whether the form memory knew it, and how many data rows were recognised (its quality).
/// </summary>
public sealed class TableRecognition(RawTable table, TableLayout? layout)
{
    public RawTable Table { get; } = table;
    public TableLayout? Layout { get; } = layout;
    public int DataRows { get; set; }
    public int RecognisedRows { get; set; }
    public int Figures { get; set; }
    public List<string> UnrecognisedLabels { get; } = [];

    /// <summary>Share of data rows with a label that were recognised (0–1).</summary>
    public double Quality => DataRows == 0 ? 0 : (double)RecognisedRows / DataRows;

    /// <summary>A table with a layout whose row labels were not recognised: what a user can fix with an alias.</summary>
    public bool IsNearMiss => Layout is not null && Figures == 0 && UnrecognisedLabels.Count > 0;

    public string Name => $"bảng {Table.Index + 1}" + (Table.Sheet is { } s ? $" (trang tính '{s}')" : "") + (Table.Page is { } p ? $" (trang {p})" : "");

    /// <summary>The explanation, in Vietnamese, one line per fact.</summary>
    public IEnumerable<string> Explain()
    {
        var title = Table.Title is { } t ? $", tiêu đề '{Shorten(t)}'" : "";
        yield return $"{Name}: bộ đọc {Table.Layout ?? "?"}, {Table.Rows.Count} dòng{title}";
        if (Layout is not { } layout)
        {
            yield return "  không nhận ra bố cục: không có dòng tiêu đề nêu kỳ báo cáo, cũng không có cột kỳ báo cáo theo dòng";
            yield break;
        }
        yield return $"  dòng tiêu đề {layout.HeaderStart + 1}–{layout.FirstDataRow}; hướng: {OrientationVi(layout.Orientation)}; "
            + $"bộ nhớ biểu mẫu: {(layout.FromMemory ? "có (đọc theo biểu mẫu đã nhớ)" : "không")}";
        yield return $"  cột nhãn {layout.LabelColumn + 1}; cột đơn vị tính {Column(layout.UnitOfMeasureColumn)}; cột số thứ tự {Column(layout.NumberingColumn)}";
        foreach (var (column, header) in layout.Columns.OrderBy(c => c.Key))
            yield return $"  cột {column + 1} '{Shorten(header.Header)}': kỳ {header.Period?.Label ?? "theo dòng"}, "
                + $"{KindVi(header.ValueKind)}{(header.Indicator is { } i ? $", chỉ tiêu {i.Code}" : "")}{(header.StatedUnit is { } u ? $", đơn vị '{u}'" : "")}";
        foreach (var (column, header, reason) in layout.Skipped)
            yield return $"  bỏ qua cột {column + 1} '{Shorten(header)}': {reason}";
        yield return string.Create(CultureInfo.InvariantCulture, $"  chất lượng: {RecognisedRows}/{DataRows} dòng nhận ra ({Quality:P0}), {Figures} số liệu");
        if (UnrecognisedLabels.Count > 0)
            yield return $"  dòng không nhận ra: {string.Join("; ", UnrecognisedLabels.Take(10).Select(l => $"'{Shorten(l)}'"))}";
    }

    public static string OrientationVi(TableOrientation orientation) => orientation switch
    {
        TableOrientation.UnitRows => "mỗi dòng một đơn vị hành chính, cột theo kỳ × chỉ tiêu",
        TableOrientation.PeriodRows => "bảng chuyển vị: kỳ theo dòng, chỉ tiêu theo cột",
        _ => "chỉ tiêu theo dòng, kỳ theo cột",
    };

    private static string KindVi(string? kind) => kind switch
    {
        Figure.Target => "kế hoạch/chỉ tiêu",
        Figure.Actual => "thực hiện",
        _ => "loại theo bảng",
    };

    private static string Column(int? column) => column is { } c ? (c + 1).ToString(CultureInfo.InvariantCulture) : "không có";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
