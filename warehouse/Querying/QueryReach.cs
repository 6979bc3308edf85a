namespace Bhyt.Warehouse.Querying;

/// <summary>What an analyst's query may name: only the <c>rpt</c> views (the console, <c>bhyt sql</c>), or every schema (<c>bhyt sql --all-schemas</c>).</summary>
public enum QueryReach
{
    RptOnly,
    AllSchemas,
}
