namespace Bhyt.Warehouse.Units.Scope;

/// <summary>
/// Where a query service learns whose units it may read: the signed-in account's (the dashboard), or the whole country
/// (the command line and jobs, run by whoever may open the warehouse itself).
/// </summary>
public interface IUnitAccessSource
{
    ValueTask<UnitAccess> CurrentAsync(CancellationToken ct);
}

/// <summary>A fixed access, e.g. <see cref="Country"/> for the command line and jobs.</summary>
public sealed class FixedUnitAccess(UnitAccess access) : IUnitAccessSource
{
    public static FixedUnitAccess Country { get; } = new(UnitAccess.Country);

    public ValueTask<UnitAccess> CurrentAsync(CancellationToken ct) => ValueTask.FromResult(access);
}
