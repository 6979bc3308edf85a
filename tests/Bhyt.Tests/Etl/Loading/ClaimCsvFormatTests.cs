using System.Text;
using Bhyt.Etl.Import;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Loading;

/// <summary>The shapes real claims exports come in, read end to end by <c>bhyt import</c>.</summary>
public class ClaimCsvFormatTests
{
    private const string Facilities = "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n";

    private static async Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, byte[] content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        await File.WriteAllBytesAsync(path, content);
        return await (await ImportService.CreateAsync(warehouse.Engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
    }

    private static async Task<TempWarehouse> WithFacilitiesAsync()
    {
        var warehouse = await TempWarehouse.InitialisedAsync();
        await ImportAsync(warehouse, "fac.csv", Encoding.UTF8.GetBytes(Facilities));
        return warehouse;
    }

    [Fact]
    public async Task ImportAsync_qd130_semicolon_file_with_bom_crlf_quotes_and_decimal_commas_loads()
    {
        await using var warehouse = await WithFacilitiesAsync();
        var content = string.Join("\r\n",
            "MA_LK;STT;HO_TEN;MA_THE_BHYT;MA_CSKCB;MA_LOAI_KCB;NGAY_VAO;NGAY_RA;SO_NGAY_DTRI;MA_BENH_CHINH;T_TONGCHI_BV;T_TONGCHI_BH;T_BHTT;T_BNCCT;T_THUOC;T_VTYT;MATINH_CU_TRU",
            "B1;1;\"Nguyễn; Văn \"\"A\"\"\";GD4797932176423;68001;03;2024-03-01 08:00;202403051000;05;J18;5300000,50;5200000,50;4680000;520000,5;1500000.25;300000;68",
            "B2;2;Trần Thị B;gd4797932176423;68001;1;202403020800;;;;250000;250000;;;;;",
            "");
        var result = await ImportAsync(warehouse, "xml1.csv", new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(content)).ToArray());

        Assert.Equal(("loaded", 2), (result.Submission.Status, result.Submission.RowsLoaded));
        var rows = await warehouse.Engine.QueryAsync<(string Id, string Type, string Code, DateTime Admitted, int? Days, string? Icd, decimal Total, decimal? Insurer, decimal? Patient, decimal? Drugs, string? Province)>(
            "SELECT claim_id, visit_type, visit_type_code, admitted_at, length_of_stay, primary_icd, total_cost, insurer_paid, patient_paid, drug_cost, residence_province FROM dw.fct_claim ORDER BY claim_id");
        Assert.Equal(("B1", "inpatient", "03", new DateTime(2024, 3, 1, 8, 0, 0), 5, "J18", 5200000.50m, 4680000m, 520000.5m, 1500000.25m, "68"), rows[0]);
        // B2 states no residence: the province that issued its card (gd4 79…) stands for it.
        Assert.Equal(("B2", "exam", "1", new DateTime(2024, 3, 2, 8, 0, 0), null, null, 250000m, null, null, null, "79"), rows[1]);
        Assert.Single(await warehouse.Engine.QueryAsync<string>("SELECT DISTINCT card_pseudonym FROM dw.fct_claim"));
    }

    [Fact]
    public async Task ImportAsync_errors_name_the_row_counting_records_and_blank_lines_not_quoted_line_breaks()
    {
        await using var warehouse = await WithFacilitiesAsync();
        var content = """
            MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,GHI_CHU,T_TONGCHI,T_BHTT
            A1,GD4797932176423,68001,3,202403010800,202403051000,"dòng một
            dòng hai",5200000,4680000

            A2,GD4797932176423,68001,7,202403010800,2024-13-01,,-5,"1,5"
            ,,68001,1,,,,abc,
            """;
        var result = await ImportAsync(warehouse, "bad.csv", Encoding.UTF8.GetBytes(content));

        Assert.True(result.IsRejected);
        Assert.Contains(result.Issues, i => i.Rule == "claim.visit_type" && i.Location == "dòng 4, cột MA_LOAI_KCB");
        Assert.Contains(result.Issues, i => i.Rule == "claim.date" && i.Location == "dòng 4, cột NGAY_RA" && i.Message.Contains("'2024-13-01'"));
        Assert.Contains(result.Issues, i => i.Rule == "claim.money_negative" && i.Location == "dòng 4, cột T_TONGCHI");
        Assert.Contains(result.Issues, i => i.Rule == "claim.missing_id" && i.Location == "dòng 5, cột MA_LK");
        Assert.Contains(result.Issues, i => i.Rule == "claim.missing_card" && i.Location == "dòng 5, cột MA_THE");
        Assert.Contains(result.Issues, i => i.Rule == "claim.date" && i.Location == "dòng 5, cột NGAY_VAO");
        Assert.Contains(result.Issues, i => i.Rule == "claim.money" && i.Location == "dòng 5, cột T_TONGCHI" && i.Message.Contains("'abc'"));
    }

    [Fact]
    public async Task ImportAsync_missing_required_columns_rejects_naming_the_header()
    {
        await using var warehouse = await WithFacilitiesAsync();
        var result = await ImportAsync(warehouse, "short.csv", Encoding.UTF8.GetBytes("MA_LK,MA_CSKCB,MA_THE\nA1,68001,GD4797932176423\n"));

        Assert.True(result.IsRejected);
        Assert.Contains(result.Issues, i => i.Rule == "csv.header" && i.Location == "dòng 1, cột header" && i.Message.Contains("MA_LOAI_KCB"));
    }
}
