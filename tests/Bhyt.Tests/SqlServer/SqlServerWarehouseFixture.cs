using Bhyt.Tests.Support;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Dapper;
using Microsoft.Data.SqlClient;

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

    /// <summary>The SQL login the tests create for the analysts' door, a member of the role bhyt_rpt_reader.</summary>
    public const string ReaderLogin = "bhyt_test_reader";

    private SqlServerEngine? readerEngine;

    /// <summary>The engine whose read-only door logs in as <see cref="ReaderLogin"/>; skips like <see cref="Engine"/>.</summary>
    public SqlServerEngine ReaderEngine
    {
        get
        {
            _ = Engine;
            return readerEngine!;
        }
    }

    /// <summary>The engine with no analysts' login configured: its door would use the warehouse's own (writing) login.</summary>
    public SqlServerEngine EngineWithoutReader
    {
        get
        {
            _ = Engine;
            return new SqlServerEngine(WarehouseTarget.Parse(ConnectionString!), readerConnectionString: null);
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString)) return;
        var target = WarehouseTarget.Parse(ConnectionString);
        engine = new SqlServerEngine(target, readerConnectionString: null);
        FirstInit = await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        SecondInit = await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        readerEngine = new SqlServerEngine(target, await CreateReaderLoginAsync());
        DuckDb = await TempWarehouse.InitialisedAsync();
    }

    /// <summary>Creates (or resets the password of) the test reader login, maps it to a user in the role, returns its connection string.</summary>
    private async Task<string> CreateReaderLoginAsync()
    {
        var password = "Rd1!" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await using var connection = await engine!.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync($"""
            IF SUSER_ID(N'{ReaderLogin}') IS NULL CREATE LOGIN {ReaderLogin} WITH PASSWORD = N'{password}', CHECK_POLICY = OFF;
            ELSE ALTER LOGIN {ReaderLogin} WITH PASSWORD = N'{password}';
            IF DATABASE_PRINCIPAL_ID(N'{ReaderLogin}') IS NULL CREATE USER {ReaderLogin} FOR LOGIN {ReaderLogin};
            ALTER ROLE bhyt_rpt_reader ADD MEMBER {ReaderLogin};
            """);
        return new SqlConnectionStringBuilder(ConnectionString)
        {
            IntegratedSecurity = false, UserID = ReaderLogin, Password = password, Pooling = false,
        }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (DuckDb is not null) await DuckDb.DisposeAsync();
    }
}
