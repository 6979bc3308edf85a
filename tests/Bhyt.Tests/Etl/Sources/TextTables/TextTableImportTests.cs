using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Sources.TextTables;

/// <summary>Plain-text web copies and OCR'd plans, end to end: text reader, recogniser, validation, warehouse.</summary>
public class TextTableImportTests
{
    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, string unit, params string[] lines)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await File.WriteAllTextAsync(path, string.Join("\n", lines), Encoding.UTF8, CancellationToken.None);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(ImportKinds.Report, unit), null, CancellationToken.None);
    }

    [Fact]
    public async Task ImportAsync_flattened_web_copy_loads_every_figure_and_nothing_for_a_dash()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "tin-bai.txt", "672",
            "Cổng thông tin điện tử thành phố",
            "Cập nhật lúc 08:15, 20/01/2024",
            "Kết quả thực hiện chính sách BHYT trên địa bàn thành phố giai đoạn 2021-2023 được tổng hợp tại bảng dưới đây.",
            "TT",
            "Chỉ tiêu",
            "Năm 2021",
            "",
            "Năm 2022",
            "",
            "Năm 2023",
            "1",
            "Tổng số người dân tham gia BHYT",
            "205.114",
            "",
            "209.870",
            "",
            "214.002",
            "2",
            "Tỷ lệ người dân tham gia BHYT/tổng dân số",
            "90,12%",
            "91,40%",
            "-",
            "Nguồn: BHXH thành phố",
            "Lượt xem: 3.021");

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(5, result.Submission.RowsLoaded);
        Assert.Equal(205114m, await warehouse.Engine.ValueAsync("672", "2021", "cov_participants"));
        Assert.Equal(214002m, await warehouse.Engine.ValueAsync("672", "2023", "cov_participants"));
        Assert.Equal(91.40m, await warehouse.Engine.ValueAsync("672", "2022", "cov_rate"));
        Assert.Null(await warehouse.Engine.ValueAsync("672", "2023", "cov_rate"));
    }

    [Fact]
    public async Task ImportAsync_aligned_ocr_plan_with_years_under_their_word_loads_every_figure()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        var result = await ImportAsync(warehouse, "ke-hoach-ocr.txt", "672",
            "KE HOACH THUC HIEN BHYT TOAN DAN",
            "Bieu 2. Ket qua bao phu BHYT",
            "",
            " STT  Chi tieu                                         Nam       Nam       Nam",
            "                                                       2020      2021      2022",
            " 1    Tong so nguoi dan tham gia BHYT              201 345   203 118   206 990",
            " 2    Ty le nguoi dan tham gia BHYT/tong dan so      88.75%    89,9%     91,05%",
            "",
            "Ghi chu: so lieu do BHXH cung cap.");

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(6, result.Submission.RowsLoaded);
        Assert.Equal(201345m, await warehouse.Engine.ValueAsync("672", "2020", "cov_participants"));
        Assert.Equal(206990m, await warehouse.Engine.ValueAsync("672", "2022", "cov_participants"));
        Assert.Equal(89.9m, await warehouse.Engine.ValueAsync("672", "2021", "cov_rate"));
        Assert.Equal(91.05m, await warehouse.Engine.ValueAsync("672", "2022", "cov_rate"));
    }
}
