namespace Bhyt.Warehouse.Querying;

/// <summary>
/// The one list of how each <c>rpt</c> view is limited to an analyst's unit scope, read by both engines' console
/// sessions and the schema browser. A view missing here is shown to nobody through the console (a new view — say an
/// administrators' audit view — stays closed until someone decides), and a test checks that every view of a fresh
/// warehouse is listed.
/// </summary>
public static class RptViewScopes
{
    public static IReadOnlyList<RptViewScope> All { get; } =
    [
        new("indicators", RptViewFilter.Reference),
        new("periods", RptViewFilter.Reference),
        new("derivations", RptViewFilter.Reference),
        new("units", RptViewFilter.Unit, "unit_code"),
        new("unit_succession", RptViewFilter.EitherUnit, "old_unit_code", "new_unit_code"),
        new("indicator_values", RptViewFilter.Unit, "unit_code"),
        new("indicator_history", RptViewFilter.Unit, "unit_code"),
        new("sources", RptViewFilter.Unit, "unit_code"),
        new("submissions", RptViewFilter.Unit, "unit_code"),
        new("validation_issues", RptViewFilter.Unit, "unit_code"),
        new("figure_candidates", RptViewFilter.Unit, "unit_code"),
        new("anomalies", RptViewFilter.Unit, "unit_code"),
        new("alerts", RptViewFilter.Unit, "unit_code"),
        new("alert_rules", RptViewFilter.Unit, "unit_code"),
        new("alert_silences", RptViewFilter.Unit, "unit_code"),
        new("alert_deliveries", RptViewFilter.Alert, "alert_id"),
        new("claims_monthly", RptViewFilter.Facility, "facility_code"),
        new("facility_months", RptViewFilter.Facility, "facility_code"),
        new("claim_versions", RptViewFilter.Facility, "facility_code"),
        new("claim_details", RptViewFilter.Facility, "facility_code"),
        new("reporting_status", RptViewFilter.Unit, "unit_code"),
        new("reporting_rates", RptViewFilter.Unit, "parent_code"),
        new("form_layouts", RptViewFilter.CountryOnly),
        new("audit", RptViewFilter.Hidden),
    ];

    private static readonly Dictionary<string, RptViewScope> ByView = All.ToDictionary(v => v.View, StringComparer.OrdinalIgnoreCase);

    /// <summary>The view's scope rule, or null for a view the console does not show.</summary>
    public static RptViewScope? For(string view) => ByView.GetValueOrDefault(view);

    /// <summary>True when the console shows <paramref name="view"/> to a session limited to <paramref name="scope"/>.</summary>
    public static bool IsVisible(string view, RptScope scope) => For(view)?.IsVisibleTo(scope) ?? false;
}
