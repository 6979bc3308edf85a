using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Tests.Support;
using Bhyt.Etl.Scheduling;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Dashboard.Tests.Components.Pages.Submissions;

/// <summary>
/// Uploads by an analyst limited to Lâm Đồng (pre-2025) on a real warehouse: a file of Đà Lạt's figures goes into the inbox;
/// one with Bắc Giang's is refused with a message naming the unit, and nothing of it is left in the inbox or beside it;
/// a claims file (no reporting unit) is refused too; a country account uploads any of them.
/// </summary>
public sealed class UploadScopeTests(TwoProvinceWarehouse warehouse) : IClassFixture<TwoProvinceWarehouse>, IDisposable
{
    private const string Header = "unit_code,unit_name,period,indicator,value,value_kind\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("bhyt-upload-scope-").FullName;

    private string Inbox => Path.Combine(_folder, "inbox");

    private async Task<InboxUpload> UploadAsync(string? scope) =>
        new(InboxOptions.Default(Inbox), new SignedIn("u", Roles.Analyst, unitScope: scope),
            new FixedUnitAccess(await UnitAccessResolver.ResolveAsync(warehouse.Engine, scope, CancellationToken.None)),
            new UploadScope(warehouse.Engine), NoAudit.Instance, NullLogger<InboxUpload>.Instance);

    [Fact]
    public async Task SaveAsync_scoped_analyst_puts_in_own_units_figures_and_is_refused_another_provinces_naming_it()
    {
        var upload = await UploadAsync("pre2025:68");

        Assert.EndsWith("-da-lat.csv", await upload.SaveAsync(new UploadedFile("da-lat.csv", Header + "672,,2024,cov_rate,93.4,actual\n"), null, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            upload.SaveAsync(new UploadedFile("bac-giang.csv", Header + "672,,2024,cov_rate,93.4,actual\n24,,2024,cov_rate,92.0,actual\n"), null, CancellationToken.None));
        Assert.Contains("Tỉnh Bắc Giang (mã 24)", refused.Message);
        Assert.Contains("ngoài phạm vi Tỉnh Lâm Đồng", refused.Message);
        var claims = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => upload.SaveAsync(new UploadedFile("ho-so.csv",
            "MA_LK,MA_THE,MA_CSKCB,MA_LOAI_KCB,NGAY_VAO,NGAY_RA,SO_NGAY_DTRI,MA_BENH,T_TONGCHI,T_BHTT,T_BNCCT,T_THUOC,T_VTYT,MATINH_CU_TRU\n" +
            "BG-9,GD4240000000009,24001,1,202302100800,202302100900,0,J18,410000,328000,82000,120000,10000,24\n"), null, CancellationToken.None));
        Assert.Contains("hồ sơ KCB", claims.Message);

        Assert.Single(Directory.GetFiles(Inbox));
        Assert.Empty(Directory.GetFiles(_folder, ".upload-*"));
    }

    [Fact]
    public async Task SaveAsync_country_analyst_puts_in_any_province()
    {
        var upload = await UploadAsync(null);

        await upload.SaveAsync(new UploadedFile("bac-giang.csv", Header + "24,,2024,cov_rate,92.0,actual\n"), null, CancellationToken.None);

        Assert.Single(Directory.GetFiles(Inbox));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
