using System.Text;
using Bhyt.Dashboard.Components.Pages.Kcb;
using Bhyt.Etl.Import;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Reference;

namespace Bhyt.Dashboard.Tests.Components.Pages.Kcb;

/// <summary>The spending chart's categories on a real warehouse: services and bed-days from the claims that came with XML2/XML3.</summary>
public sealed class KcbServiceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-kcb-").FullName;
    private IWarehouseEngine _engine = default!;

    public async ValueTask InitializeAsync()
    {
        _engine = WarehouseEngine.For(WarehouseTarget.Parse(Path.Combine(_folder, "w.duckdb")));
        await new WarehouseInitializer(_engine).InitAsync(CancellationToken.None);
        await ImportAsync("fac.csv", "MA_CSKCB,TEN_CSKCB,TUYEN,LOAI,unit_code\n68001,Bệnh viện Đa khoa Lâm Đồng,2,public,672\n");
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task ImportAsync(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, text, Encoding.UTF8);
        var result = await (await ImportService.CreateAsync(_engine, CancellationToken.None)).ImportAsync(path, new ImportOptions(), null, CancellationToken.None);
        Assert.False(result.IsRejected, result.SummaryLine);
    }

    // An inpatient claim of 2024 (QĐ 130): a drug of 100,000 and, when sent with XML3, an examination and two bed-days.
    private static string Hoso(string id, bool details)
    {
        var xml1 = $"<TONG_HOP><MA_LK>{id}</MA_LK><MA_THE_BHYT>GD4797932176423</MA_THE_BHYT><NGAY_VAO>202403010800</NGAY_VAO><NGAY_RA>202403031000</NGAY_RA>" +
            "<SO_NGAY_DTRI>3</SO_NGAY_DTRI><T_THUOC>100000</T_THUOC><T_VTYT>0</T_VTYT><T_TONGCHI_BV>638700</T_TONGCHI_BV><T_TONGCHI_BH>638700</T_TONGCHI_BH>" +
            "<T_BHTT>510960</T_BHTT><MA_LOAI_KCB>03</MA_LOAI_KCB><MA_CSKCB>68001</MA_CSKCB></TONG_HOP>";
        var xml2 = $"<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>{id}</MA_LK><STT>1</STT><MA_THUOC>40.17</MA_THUOC><MA_NHOM>4</MA_NHOM>" +
            "<SO_LUONG>10</SO_LUONG><DON_GIA>10000</DON_GIA><THANH_TIEN_BV>100000</THANH_TIEN_BV></CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";
        var xml3 = $"<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT><CHI_TIET_DVKT><MA_LK>{id}</MA_LK><STT>1</STT><MA_DICH_VU>02.1896</MA_DICH_VU><MA_NHOM>13</MA_NHOM>" +
            "<SO_LUONG>1</SO_LUONG><DON_GIA_BV>38700</DON_GIA_BV><THANH_TIEN_BV>38700</THANH_TIEN_BV></CHI_TIET_DVKT>" +
            $"<CHI_TIET_DVKT><MA_LK>{id}</MA_LK><STT>2</STT><MA_DICH_VU>K01.1923</MA_DICH_VU><MA_NHOM>15</MA_NHOM><SO_LUONG>2</SO_LUONG><DON_GIA_BV>250000</DON_GIA_BV>" +
            "<THANH_TIEN_BV>500000</THANH_TIEN_BV></CHI_TIET_DVKT></DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>";
        static string File(string type, string content) => $"<FILEHOSO><LOAIHOSO>{type}</LOAIHOSO><NOIDUNGFILE>{content}</NOIDUNGFILE></FILEHOSO>";
        return "<HOSO>" + File("XML1", xml1) + (details ? File("XML2", xml2) + File("XML3", xml3) : "") + "</HOSO>";
    }

    private static string Envelope(params string[] hosos) =>
        $"<GIAMDINHHS><THONGTINDONVI><MACSKCB>68001</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20240402</NGAYLAP><SOLUONGHOSO>{hosos.Length}</SOLUONGHOSO>" +
        $"<DANHSACHHOSO>{string.Concat(hosos)}</DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>";

    private async Task<KcbData> LoadAsync()
    {
        using var db = new ReportingDb(_engine);
        var units = new UnitCatalog(db);
        var province = (await units.FindAsync(BoundarySets.Pre2025, "68", CancellationToken.None))!;
        return await new KcbService(new IndicatorQueries(db, units), new ClaimsQueries(db), units)
            .LoadAsync(province, new Selection("68", 2024, 2024, BoundarySets.Pre2025), CancellationToken.None);
    }

    [Fact]
    public async Task LoadAsync_claims_without_detail_tables_keep_the_caveat_and_no_services_bar()
    {
        await ImportAsync("xml1.xml", Envelope(Hoso("A1", details: false)));

        var data = await LoadAsync();

        Assert.Equal(["Thuốc", "Vật tư y tế"], data.Spending.Series.Select(s => s.Name));
        Assert.Contains("cần bảng chi tiết XML2/XML3", data.SpendingNote);
    }

    [Fact]
    public async Task LoadAsync_claims_partly_with_detail_tables_show_services_and_bed_days_and_the_share_they_cover()
    {
        await ImportAsync("mixed.xml", Envelope(Hoso("A1", details: true), Hoso("A2", details: false)));

        var data = await LoadAsync();

        Assert.Equal(0.5387, Assert.Single(data.Spending.Series, s => s.Name == "Khám bệnh, ngày giường").Bars.Single().Value, 4);
        Assert.Contains("50 % số hồ sơ (1/2)", data.SpendingNote);
    }

    [Fact]
    public async Task LoadAsync_claims_all_with_detail_tables_need_no_caveat()
    {
        await ImportAsync("full.xml", Envelope(Hoso("A1", details: true), Hoso("A2", details: true)));

        var data = await LoadAsync();

        Assert.Equal(1.0774, Assert.Single(data.Spending.Series, s => s.Name == "Khám bệnh, ngày giường").Bars.Single().Value, 4);
        Assert.Null(data.SpendingNote);
    }
}
