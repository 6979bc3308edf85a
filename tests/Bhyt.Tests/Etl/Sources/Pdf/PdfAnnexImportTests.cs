using System.Globalization;
using Bhyt.Etl.Import;
using Bhyt.Etl.Sources.Pdf;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Sources.Pdf;

/// <summary>A text PDF appendix, per-province table over two pages, end to end through recognition and loading.</summary>
public class PdfAnnexImportTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly (string Code, string Name)[] Provinces =
    [
        ("89", "An Giang"), ("24", "Bắc Giang"), ("06", "Bắc Kạn"), ("95", "Bạc Liêu"), ("27", "Bắc Ninh"), ("83", "Bến Tre"),
        ("52", "Bình Định"), ("74", "Bình Dương"), ("70", "Bình Phước"), ("60", "Bình Thuận"), ("96", "Cà Mau"), ("92", "Cần Thơ"),
        ("04", "Cao Bằng"), ("48", "Đà Nẵng"), ("66", "Đắk Lắk"), ("67", "Đắk Nông"), ("11", "Điện Biên"), ("75", "Đồng Nai"),
        ("87", "Đồng Tháp"), ("64", "Gia Lai"), ("02", "Hà Giang"), ("35", "Hà Nam"), ("01", "Hà Nội"), ("42", "Hà Tĩnh"),
        ("30", "Hải Dương"), ("31", "Hải Phòng"), ("93", "Hậu Giang"), ("79", "Hồ Chí Minh"), ("33", "Hưng Yên"), ("56", "Khánh Hòa"),
        ("91", "Kiên Giang"), ("62", "Kon Tum"), ("12", "Lai Châu"), ("68", "Lâm Đồng"), ("20", "Lạng Sơn"), ("10", "Lào Cai"), ("80", "Long An"),
    ];

    private sealed record Figure(string Unit, string Period, string Indicator, decimal Value);

    /// <summary>Writes the appendix and returns every figure it holds (participants, population and rate for 2023 and 2024).</summary>
    private static List<Figure> WriteAnnex(string path, bool ruled, bool fullNames = false, bool nationalRow = true)
    {
        var random = new Random(15);
        var figures = new List<Figure>();
        var rows = new List<string?[]>();
        var totals = new long[4];
        var body = Provinces.Select((p, i) =>
        {
            var cells = new List<string?> { $"{i + 1}", fullNames ? FullName(p.Code, p.Name) : p.Name };
            for (var y = 0; y < 2; y++)
            {
                var population = random.Next(300_000, 9_000_000);
                var insured = (long)(population * (0.85 + random.NextDouble() * 0.14));
                var rate = Math.Round(100m * insured / population, 2);
                totals[2 * y] += insured;
                totals[2 * y + 1] += population;
                cells.AddRange([insured.ToString("N0", Vietnamese), population.ToString("N0", Vietnamese), rate.ToString("0.00", Vietnamese)]);
                var period = y == 0 ? "2023" : "2024";
                figures.AddRange([new(p.Code, period, "cov_participants", insured), new(p.Code, period, "cov_population", population), new(p.Code, period, "cov_rate", rate)]);
            }
            return cells.ToArray();
        }).ToList();
        var national = new List<string?> { "", "Cả nước" };
        for (var y = 0; y < 2; y++)
        {
            var rate = Math.Round(100m * totals[2 * y] / totals[2 * y + 1], 2);
            national.AddRange([totals[2 * y].ToString("N0", Vietnamese), totals[2 * y + 1].ToString("N0", Vietnamese), rate.ToString("0.00", Vietnamese)]);
            var period = y == 0 ? "2023" : "2024";
            figures.AddRange([new("VN", period, "cov_participants", totals[2 * y]), new("VN", period, "cov_population", totals[2 * y + 1]), new("VN", period, "cov_rate", rate)]);
        }
        if (nationalRow) rows.Add(national.ToArray());
        else figures.RemoveAll(f => f.Unit == "VN");
        rows.AddRange(body);

        string?[] sub = ["^", "^", "Số người\ntham gia\nBHYT", "Dân số", "Tỷ lệ\n(%)", "Số người\ntham gia\nBHYT", "Dân số", "Tỷ lệ\n(%)"];
        new PdfBuilder(10)
            .Paragraph("Phụ lục 4")
            .Paragraph("KẾT QUẢ BAO PHỦ BẢO HIỂM Y TẾ CÁC TỈNH, THÀNH PHỐ GIAI ĐOẠN 2023-2024")
            .Table([25, 110, 66, 66, 44, 66, 66, 44], [["STT", "Tỉnh, thành phố", "Năm 2023", null, null, "Năm 2024", null, null], sub], rows, ruled)
            .Save(path);
        return figures;
    }

    // Cities under the centre are "Thành phố", the others "Tỉnh", as the full names in the unit reference.
    private static string FullName(string code, string name) => (code is "01" or "31" or "48" or "79" or "92" ? "Thành phố " : "Tỉnh ") + name;

    [Theory]
    [InlineData(true, "lattice")]
    [InlineData(false, "stream")]
    public void Read_provincial_annex_over_two_pages_gives_one_table_holding_every_figure(bool ruled, string layout)
    {
        using var folder = new TempFolder();
        var path = folder.File("phu_luc_4_tinh.pdf");
        var figures = WriteAnnex(path, ruled);

        var table = Assert.Single(new PdfDocumentReader().Read(path).Tables);

        Assert.Equal(layout, table.Layout);
        var cells = table.Rows.Skip(2).SelectMany(r => r.Cells.Skip(2)).ToList();
        Assert.Equal(figures.Select(f => f.Indicator == "cov_rate" ? f.Value.ToString("0.00", Vietnamese) : ((long)f.Value).ToString("N0", Vietnamese)).Order(), cells.Order());

        Assert.Equal(2, table.Rows.Max(r => r.Boxes!.Max(b => b?.Page ?? 0)));
        Assert.Equal(2 + 1 + Provinces.Length, table.Rows.Count);
        Assert.Equal(["STT", "Tỉnh, thành phố"], table.Rows[0].Cells.Take(2));
        if (ruled) Assert.Equal(["Năm 2023", "Năm 2023", "Năm 2023", "Năm 2024", "Năm 2024", "Năm 2024"], table.Rows[0].Cells.Skip(2));
        Assert.Equal("Số người tham gia BHYT", table.Rows[1].Cells[5]);
        Assert.Equal("Cả nước", table.Rows[2].Cells[1]);
        Assert.Equal(Provinces[^1].Name, table.Rows[^1].Cells[1]);
    }

    // The national row stays out of this one: the unit resolver does not yet take "Cả nước" for the country (the
    // recogniser's work in issue 15); the reading of that row is asserted above on the RawDocument.
    [Theory]
    [InlineData(true)]
    public async Task ImportAsync_provincial_annex_pdf_loads_at_least_95_percent_of_its_figures_exactly(bool ruled)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, ruled ? "phu_luc_4_ke_o.pdf" : "phu_luc_4_khong_ke.pdf");
        var figures = WriteAnnex(path, ruled, fullNames: true, nationalRow: false);

        var result = await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, new ImportOptions(ImportKinds.Report, null), null, CancellationToken.None);
        var stored = (await warehouse.Engine.QueryAsync<(string Unit, string Period, string Indicator, decimal Value)>(
                "SELECT unit_code, period_label, indicator_code, value FROM rpt.indicator_values WHERE value_kind = 'actual'"))
            .ToHashSet();

        var exact = figures.Count(f => stored.Contains((f.Unit, f.Period, f.Indicator, f.Value)));
        Assert.True(exact >= figures.Count * 0.95,
            $"{exact}/{figures.Count} figures loaded exactly; status {result.Submission.Status}; {string.Join("; ", result.Issues.Take(5).Select(i => i.Message))}");
    }
}
