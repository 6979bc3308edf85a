using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Etl.Parsing.Encodings;
using Bhyt.Tests.Etl.Parsing.Encodings;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Import;

/// <summary>Submission CSVs and report documents typed in legacy Vietnamese encodings, end to end.</summary>
public class LegacyEncodingImportTests
{
    private const string Submission =
        "unit_code,unit_name,period,indicator,value,value_kind\n" +
        ",Thành phố Đà Lạt,2021,cov_participants,215.000,actual\n" +
        ",Xã Tà Nung,2021,cov_participants,3.912,actual\n" +
        ",Huyện Lạc Dương,2021,cov_participants,\"28.450\",actual\n";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string path, ImportOptions? options = null) =>
        await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(path, options ?? new ImportOptions(), null, CancellationToken.None);

    [Theory]
    [MemberData(nameof(LegacyBytes.Kinds), MemberType = typeof(LegacyBytes))]
    public async Task ImportAsync_legacy_submission_csv_loads_the_named_units_and_says_the_encoding(string kind)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, $"nop_{kind}.csv");
        await File.WriteAllBytesAsync(path, LegacyBytes.Encode(kind, Submission), TestContext.Current.CancellationToken);

        var result = await ImportAsync(warehouse, path);

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(3, result.Submission.RowsLoaded);
        Assert.Equal(215000m, await warehouse.Engine.ValueAsync("672", "2021", "cov_participants"));
        var notice = Assert.Single(result.Issues, i => i.Rule == EncodingIssue.Detected);
        Assert.Contains(LegacyBytes.EncodingOf(kind).Label(), notice.Message);
        var recorded = await warehouse.Engine.QueryAsync<string>("SELECT message FROM rpt.validation_issues WHERE rule = 'encoding.detected'");
        Assert.Contains(LegacyBytes.EncodingOf(kind).Label(), Assert.Single(recorded));
    }

    [Fact]
    public async Task ImportAsync_submission_csv_of_undecidable_encoding_is_rejected_with_the_reason()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "khong_ro.csv");
        var ambiguous = Encoding.ASCII.GetBytes("unit_code,unit_name,period,indicator,value,value_kind\n672,Th")
            .Concat(new byte[] { 0xE1 }).Concat(Encoding.ASCII.GetBytes("nh,2021,cov_participants,1,actual\n")).ToArray();
        await File.WriteAllBytesAsync(path, ambiguous, TestContext.Current.CancellationToken);

        var result = await ImportAsync(warehouse, path);

        Assert.True(result.IsRejected);
        var error = Assert.Single(result.Issues, i => i.IsError);
        Assert.Equal(EncodingIssue.Undecided, error.Rule);
        Assert.Contains("Windows-1258", error.Message);
        Assert.Empty(await warehouse.Engine.QueryAsync<decimal>("SELECT value FROM rpt.indicator_values"));
    }

    [Fact]
    public async Task ImportAsync_text_report_of_undecidable_encoding_is_refused_as_unusable_input()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "khong_ro.txt");
        await File.WriteAllBytesAsync(path, [.. Encoding.ASCII.GetBytes("Nam 2021\nTh"), 0xE1, .. Encoding.ASCII.GetBytes("nh\t12\n")], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnusableInputException>(() => ImportAsync(warehouse, path, new ImportOptions(ImportKinds.Report, "672")));

        Assert.Contains("khong_ro.txt", error.Message);
        Assert.Contains(EncodingIssue.Undecided, error.Message);
    }

    [Fact]
    public async Task ImportAsync_utf16_submission_with_bom_still_loads_without_conversion_notice()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "utf16.csv");
        await File.WriteAllTextAsync(path, Submission, Encoding.Unicode, TestContext.Current.CancellationToken);

        var result = await ImportAsync(warehouse, path);

        Assert.Equal("loaded", result.Submission.Status);
        Assert.Equal(215000m, await warehouse.Engine.ValueAsync("672", "2021", "cov_participants"));
        Assert.DoesNotContain(result.Issues, i => i.Rule == EncodingIssue.Detected);
    }

    [Fact]
    public async Task ImportAsync_windows1258_text_report_is_converted_and_noted()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var path = Path.Combine(warehouse.Directory, "bao_cao.txt");
        const string report = "Tỷ lệ bao phủ BHYT\nSTT\tChỉ tiêu\tNăm 2021\tNăm 2022\n1\tTổng số người dân tham gia BHYT\t215.000\t218.500\n";
        await File.WriteAllBytesAsync(path, Windows1258.Encode(report, decomposeTones: true), TestContext.Current.CancellationToken);

        var result = await ImportAsync(warehouse, path, new ImportOptions(ImportKinds.Report, "672"));

        Assert.Contains(result.Issues, i => i.Rule == EncodingIssue.Detected && i.Message.Contains("Windows-1258"));
        Assert.Equal(218500m, await warehouse.Engine.ValueAsync("672", "2022", "cov_participants"));
    }

    [Theory]
    [InlineData("1258-decomposed")]
    [InlineData("tcvn3")]
    public async Task ImportAsync_legacy_facilities_and_claims_csv_are_converted_before_reading_and_load_every_row(string kind)
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var facilities = Path.Combine(warehouse.Directory, "fac.csv");
        await File.WriteAllBytesAsync(facilities, LegacyBytes.Encode(kind, "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,công lập,672\n"), TestContext.Current.CancellationToken);
        Assert.Equal("loaded", (await ImportAsync(warehouse, facilities)).Submission.Status);
        Assert.Equal("Bệnh viện Đa khoa Lâm Đồng", (await warehouse.Engine.QueryAsync<string>("SELECT name FROM dw.dim_facility")).Single());
        var claims = Path.Combine(warehouse.Directory, $"claims_{kind}.csv");
        await File.WriteAllBytesAsync(claims, LegacyBytes.Encode(kind,
            "MA_LK,HO_TEN,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,CHAN_DOAN,T_TONGCHI,T_BHTT\n" +
            "A1,Nguyễn Văn Thành,GD4797932176423,68001,3,202403010800,202403051000,Viêm phổi do vi khuẩn,5200000,4680000\n" +
            "A2,Trần Thị Hường,GD4797932176424,68001,1,202403020800,,Tăng huyết áp vô căn,250000,225000\n" +
            "A3,Lê Đức Phường,GD4797932176425,68001,1,202403030800,,Đái tháo đường týp 2,310000,279000\n"), TestContext.Current.CancellationToken);

        var result = await ImportAsync(warehouse, claims);

        Assert.Equal(("loaded", 3), (result.Submission.Status, result.Submission.RowsLoaded));
        Assert.Contains(LegacyBytes.EncodingOf(kind).Label(), result.Note);
        Assert.Equal(5760000m, (await warehouse.Engine.QueryAsync<decimal>("SELECT SUM(total_cost) FROM dw.fct_claim")).Single());
    }
}
