namespace Bhyt.Warehouse.Querying;

/// <summary>An analyst's statement was refused: it is not exactly one read-only query.</summary>
public sealed class QueryRefusedException(string rule, string message) : Exception($"{message} [{rule}]")
{
    /// <summary>English rule id, e.g. <c>sql.not_select</c>.</summary>
    public string Rule { get; } = rule;
}
