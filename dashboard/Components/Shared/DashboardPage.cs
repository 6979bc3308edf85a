using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.AspNetCore.Components;

namespace Bhyt.Dashboard.Components.Shared;

/// <summary>
/// What every dashboard page shares: the selection read from the URL (<c>unit</c>, <c>from</c>, <c>to</c>, <c>set</c>),
/// the chosen unit and its path, and navigation that keeps the selection in the URL. A unit outside the account's scope
/// (<see cref="IUnitAccessSource"/>) is refused before anything is read, whatever the URL says; without a unit in the URL a
/// scoped account lands on its scope unit, not on the country.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    [Inject] protected UnitCatalog Units { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected SourceQueries Sources { get; set; } = default!;
    [Inject] protected IUnitAccessSource Access { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "unit")] public string? UnitParameter { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public int? FromParameter { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public int? ToParameter { get; set; }
    [SupplyParameterFromQuery(Name = "set")] public string? SetParameter { get; set; }

    protected Selection Selection { get; private set; } = Selection.Default;
    protected UnitInfo? Unit { get; private set; }
    protected IReadOnlyList<UnitInfo> UnitPath { get; private set; } = [];

    /// <summary>The units the signed-in account may read.</summary>
    protected UnitAccess Scope { get; private set; } = UnitAccess.Nothing(ScopeUnit.Country);

    /// <summary>True when the URL named a unit outside the account's scope: the page shows the refusal and nothing else.</summary>
    protected bool OutOfScope { get; private set; }
    protected bool Loading { get; private set; } = true;
    protected string? LoadError { get; private set; }

    /// <summary>Set when the unit's figures include synthetic sample data; every page says so under the selector.</summary>
    protected string? SyntheticNote { get; private set; }

    /// <summary>Provinces whose figures are synthetic sample data (for marking child units).</summary>
    protected IReadOnlySet<string> SyntheticProvinces { get; private set; } = new HashSet<string>();

    /// <summary>The page's own route, e.g. "bao-phu" (for links that keep the selection).</summary>
    protected abstract string Route { get; }

    protected override async Task OnParametersSetAsync()
    {
        Selection = Selection.FromQuery(UnitParameter, FromParameter, ToParameter, SetParameter);
        Loading = true;
        LoadError = null;
        OutOfScope = false;
        Unit = null;
        UnitPath = [];
        try
        {
            Scope = await Access.CurrentAsync(CancellationToken.None);
            if (Scope.IsNothing)
            {
                LoadError = "Tài khoản chưa được giao phạm vi đơn vị hợp lệ: không có số liệu để hiển thị. Hãy liên hệ quản trị viên.";
                return;
            }
            // Without a unit in the URL a scoped account lands on its scope unit (in its own boundary set unless the URL names one).
            var landing = string.IsNullOrWhiteSpace(SetParameter) ? Scope.Scope.Set! : Selection.Set;
            if (string.IsNullOrWhiteSpace(UnitParameter) && !Scope.IsCountry
                && (await Units.HomeAsync(landing, Scope, CancellationToken.None) ?? await Units.HomeAsync(Scope.Scope.Set!, Scope, CancellationToken.None)) is { } home)
                Selection = Selection with { UnitCode = home.Code, Set = home.Set };
            var unit = await Units.FindAsync(Selection.Set, Selection.UnitCode, CancellationToken.None);
            if (unit is null)
            {
                LoadError = $"Không tìm thấy đơn vị mã '{Selection.UnitCode}' trong bộ địa giới đã chọn.";
                return;
            }
            if (!Scope.Allows(unit))
            {
                OutOfScope = true;
                LoadError = $"Đơn vị mã '{Selection.UnitCode}' nằm ngoài phạm vi của tài khoản ({Scope.ScopeName}): không có số liệu để hiển thị. [scope.refused]";
                return;
            }
            Unit = unit;
            UnitPath = await Units.PathAsync(Selection.Set, Unit.Code, Scope, CancellationToken.None);
            SyntheticProvinces = (await Sources.AllAsync(CancellationToken.None)).SyntheticUnits;
            SyntheticNote = SyntheticNotes.NoteFor(Unit, SyntheticProvinces);
            await LoadAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LoadError = "Không đọc được số liệu: " + e.Message;
        }
        finally
        {
            Loading = false;
        }
    }

    /// <summary>Loads the page's figures for <see cref="Selection"/> and <see cref="Unit"/>.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    protected string Link(Selection selection, string? route = null) => $"{route ?? Route}?{selection.ToQuery()}";

    protected void Go(Selection selection) => Navigation.NavigateTo(Link(selection));
}
