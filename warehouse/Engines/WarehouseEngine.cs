namespace Bhyt.Warehouse.Engines;

/// <summary>Creates the engine a target selects.</summary>
public static class WarehouseEngine
{
    public static IWarehouseEngine For(WarehouseTarget target) => target.Kind switch
    {
        EngineKind.DuckDb => new DuckDbEngine(target),
        EngineKind.SqlServer => new SqlServerEngine(target),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    public static IWarehouseEngine For(string? target) => For(WarehouseTarget.Resolve(target));
}
