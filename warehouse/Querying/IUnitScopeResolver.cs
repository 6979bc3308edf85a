namespace Bhyt.Warehouse.Querying;

/// <summary>Turns an account's unit scope (a unit code; null or empty for the country) into the units it may see.</summary>
public interface IUnitScopeResolver
{
    Task<RptScope> ResolveAsync(string? scopeCode, CancellationToken ct);
}
