using Bhyt.Etl.Import;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Units.Scope;

namespace Bhyt.Dashboard.Components.Pages.Submissions;

/// <summary>
/// What an account limited to a unit scope may put into the inbox: a submission or report whose every unit (read as the
/// import will read it) lies in the scope. Claims and facility lists name no reporting unit and are loaded by accounts of
/// the whole country. The answer is the Vietnamese refusal naming the units outside, or null when the file may go in.
/// </summary>
public sealed class UploadScope(IWarehouseEngine engine)
{
    public async Task<string?> RefusalAsync(string path, string fileName, UnitAccess access, CancellationToken ct)
    {
        if (access.IsCountry) return null;
        var (kind, units) = await (await ImportService.CreateAsync(engine, ct)).UnitsOfAsync(path, ct);
        if (units is null)
            return $"Tệp '{fileName}' là {(kind == ImportKinds.Claims ? "hồ sơ KCB" : "danh mục cơ sở KCB")}: tài khoản giới hạn trong {access.ScopeName} " +
                   "chỉ tải lên được báo cáo số liệu của đơn vị mình; tệp loại này do tài khoản toàn quốc nạp. [scope.upload]";
        if (units.Count == 0)
            return $"Tệp '{fileName}': không xác định được đơn vị báo cáo, nên không kiểm tra được phạm vi {access.ScopeName} của tài khoản. [scope.upload]";
        var outside = units.Where(u => !access.Allows(u.BoundarySet, u.UnitCode)).ToList();
        if (outside.Count == 0) return null;
        var named = string.Join(", ", outside.Take(3).Select(u => $"{u.Name} (mã {u.UnitCode})")) + (outside.Count > 3 ? $" và {outside.Count - 3} đơn vị khác" : "");
        return $"Tệp '{fileName}' có số liệu của {named}, nằm ngoài phạm vi {access.ScopeName} của tài khoản: không nhận tệp. [scope.upload]";
    }
}
