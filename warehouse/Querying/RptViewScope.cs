namespace Bhyt.Warehouse.Querying;

/// <summary>One <c>rpt</c> view and how a scoped session filters it.</summary>
public sealed record RptViewScope(string View, RptViewFilter Filter, params string[] Columns)
{
    /// <summary>True when a session limited to <paramref name="scope"/> shows this view.</summary>
    public bool IsVisibleTo(RptScope scope) => Filter != RptViewFilter.Hidden && (scope.IsCountry || Filter != RptViewFilter.CountryOnly);
}
