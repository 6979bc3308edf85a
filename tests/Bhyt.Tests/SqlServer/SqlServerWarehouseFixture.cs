using Bhyt.Tests.Support;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Tests.SqlServer;

/// <summary>
/// The SQL Server warehouse named by <c>BHYT_TEST_SQLSERVER</c>, initialised twice, beside a DuckDB warehouse to compare
/// with. Without the variable it does nothing and every test that asks for it skips.
/// </summary>
public sealed class SqlServerWarehouseFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "BHYT_TEST_SQLSERVER";

    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);

    private IWarehouseEngine? engine;

    public InitReport? FirstInit { get; private set; }
    public InitReport? SecondInit { get; private set; }
    public TempWarehouse? DuckDb { get; private set; }

    /// <summary>The SQL Server engine; skips the calling test when no server is configured.</summary>
    public IWarehouseEngine Engine
    {
        get
        {
            if (engine is null)
                Assert.Skip($"{EnvironmentVariable} is not set: SQL Server integration tests need a server");
            return engine;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString)) return;
        engine = WarehouseEngine.For(WarehouseTarget.Parse(ConnectionString));
        FirstInit = await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        SecondInit = await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        DuckDb = await TempWarehouse.InitialisedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (DuckDb is not null) await DuckDb.DisposeAsync();
    }
}
