using System.CommandLine;
using Bhyt.Etl.Reporting.Annex;

namespace Bhyt.Etl.Cli;

/// <summary>
/// <c>bhyt report annex --unit U (--periods P,P | --from Y --to Y) [--forms 4,5,6,7,8,9] [--blank [--children]] --out F</c>:
/// writes the review annexes (Phụ lục 4–9) of a unit from the warehouse's current figures, or blank templates to send
/// down, as Word (.docx) or Excel (.xlsx) by the extension of <c>--out</c>.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị (tỉnh, huyện, xã) của phụ lục.", Required = true };
        var periods = new Option<string?>("--periods") { Description = "Các kỳ, cách nhau bởi dấu phẩy: 2009-2014,2015-2019,2020-2024 hoặc 2019,2020." };
        var from = new Option<int?>("--from") { Description = "Năm đầu (mỗi năm một cột, cùng --to)." };
        var to = new Option<int?>("--to") { Description = "Năm cuối." };
        var forms = new Option<string>("--forms") { Description = "Các phụ lục: 4,5,6,7,8,9 (mặc định tất cả).", DefaultValueFactory = _ => "4,5,6,7,8,9" };
        var blank = new Option<bool>("--blank") { Description = "Biểu mẫu trống để gửi xuống, có dấu nhận dạng ẩn." };
        var children = new Option<bool>("--children") { Description = "Với --blank: một bản mỗi phụ lục cho từng đơn vị trực thuộc." };
        var output = new Option<string>("--out") { Description = "Tệp ra: .docx (Word) hoặc .xlsx (Excel).", Required = true };
        var annex = new Command("annex", "Xuất Phụ lục 4–9 (bao phủ, nhóm đối tượng, KCB, chi, quỹ, bộ máy) từ kho dữ liệu, hoặc biểu mẫu trống.")
            { unit, periods, from, to, forms, blank, children, output };
        annex.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            var format = AnnexFormats.FromPath(path);
            var request = new AnnexRequest(parse.GetValue(unit)!, Periods(parse.GetValue(periods), parse.GetValue(from), parse.GetValue(to)),
                AnnexForms.Select(Numbers(parse.GetValue(forms)!)), parse.GetValue(blank), parse.GetValue(children));
            if (request.Children && !request.Blank) throw new ArgumentException("--children chỉ dùng cùng --blank.");
            var engine = await BhytCli.CurrentEngineAsync(parse, ct);
            AnnexBook book;
            await using (var file = File.Create(path)) book = await new AnnexExport(engine).WriteAsync(request, format, file, ct);
            var figures = book.Tables.Sum(t => t.Figures.Count);
            Console.WriteLine(book.Blank
                ? $"Đã ghi {path}: biểu mẫu {book.Tables.Count} bảng cho {book.Tables.Select(t => t.Unit.Code).Distinct().Count()} đơn vị."
                : $"Đã ghi {path}: {book.Tables.Count} bảng, {figures} số liệu của {book.Unit.Name} ({book.PeriodList}).");
            return ExitCodes.Ok;
        });
        return new Command("report", "Xuất báo cáo từ kho dữ liệu.") { annex };
    }

    private static IReadOnlyList<Warehouse.Periods.Period> Periods(string? list, int? from, int? to) => (list, from, to) switch
    {
        ({ } l, null, null) => AnnexPeriods.Parse(l),
        (null, { } f, { } t) => AnnexPeriods.Years(f, t),
        _ => throw new ArgumentException("Chọn kỳ bằng --periods, hoặc bằng --from và --to (không dùng cả hai)."),
    };

    private static IEnumerable<int> Numbers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.TryParse(n, out var number) ? number : throw new ArgumentException($"'{n}' không phải số phụ lục (--forms)."));
}
