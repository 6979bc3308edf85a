namespace Bhyt.Tests.Support;

/// <summary>One initialised DuckDB warehouse shared by the tests of a class (read-only use).</summary>
public sealed class InitialisedWarehouseFixture : IAsyncLifetime
{
    public TempWarehouse Warehouse { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Warehouse = await TempWarehouse.InitialisedAsync();

    public ValueTask DisposeAsync() => Warehouse.DisposeAsync();
}
