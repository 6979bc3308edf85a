using Bhyt.Dashboard.Security;
using Bhyt.Etl.Reporting.Annex;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;
using Microsoft.AspNetCore.Components.Authorization;

namespace Bhyt.Dashboard.Components.Pages.Submissions;

/// <summary>An annex file ready to download: its name, content type and bytes.</summary>
public sealed record AnnexFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// <i>Xuất phụ lục</i>: writes the same annex file as <c>bhyt report annex</c> (<see cref="AnnexExport"/>) for a unit the
/// page's unit catalog knows (so the account's unit scope applies wherever the catalog applies it). Checked on the server:
/// only analysts and administrators export.
/// </summary>
public sealed class AnnexDownload(IWarehouseEngine engine, UnitCatalog units, AuthenticationStateProvider authentication, ILogger<AnnexDownload> log)
{
    public const string DefaultPeriods = "2009-2014,2015-2019,2020-2024";

    public async Task<bool> CanExportAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Admin);
    }

    /// <summary>The units an annex may be written for from <paramref name="unit"/>'s page: the unit itself and the units below it.</summary>
    public async Task<IReadOnlyList<UnitInfo>> UnitsAsync(string set, UnitInfo unit, CancellationToken ct) =>
        [unit, .. await units.ChildrenAsync(set, unit.Code, ct)];

    public async Task<AnnexFile> BuildAsync(string set, string unitCode, string periods, IReadOnlyCollection<int> forms, AnnexFormat format, bool blank, CancellationToken ct)
    {
        if (!await CanExportAsync()) throw new UnauthorizedAccessException("Chỉ tài khoản phân tích hoặc quản trị được xuất phụ lục.");
        var unit = await units.FindAsync(set, unitCode, ct) ?? throw new InvalidOperationException($"Không tìm thấy đơn vị mã '{unitCode}'.");
        if (forms.Count == 0) throw new InvalidOperationException("Chọn ít nhất một phụ lục.");
        var request = new AnnexRequest(unit.Code, AnnexPeriods.Parse(periods), AnnexForms.Select(forms), blank, Children: blank && unit.Level != "commune");
        using var buffer = new MemoryStream();
        await new AnnexExport(engine).WriteAsync(request, format, buffer, ct);
        log.LogInformation("Annex {File} exported ({Bytes} bytes)", AnnexExport.FileName(request, format), buffer.Length);
        return new AnnexFile(AnnexExport.FileName(request, format), AnnexFormats.ContentType(format), buffer.ToArray());
    }
}
