using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard;

/// <summary>The dashboard's registrations, read top to bottom.</summary>
public static class Extensions
{
    /// <summary>
    /// The warehouse engine from <c>BHYT_WAREHOUSE</c>, else <c>Warehouse:Target</c> of appsettings
    /// (default <c>data/bhyt.duckdb</c> under the working directory).
    /// </summary>
    public static void AddWarehouse(this WebApplicationBuilder builder)
    {
        var target = Environment.GetEnvironmentVariable(WarehouseTarget.EnvironmentVariable)
                     ?? builder.Configuration["Warehouse:Target"];
        builder.Services.AddSingleton(WarehouseEngine.For(target));
        builder.Services.AddSingleton<WarehouseStatusQuery>();
    }

    /// <summary>Creates or migrates the warehouse before the first request (idempotent).</summary>
    public static async Task InitialiseWarehouseAsync(this WebApplication app)
    {
        var engine = app.Services.GetRequiredService<IWarehouseEngine>();
        var report = await new WarehouseInitializer(engine).InitAsync(app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("Warehouse {Target} ({Engine}) at schema version {Version}, ready in {Elapsed:0.00} s",
            report.Target, report.Engine, report.SchemaVersion, report.Elapsed.TotalSeconds);
    }
}
