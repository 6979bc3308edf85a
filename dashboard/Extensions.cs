using Bhyt.Etl.Scheduling;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Queries;

namespace Bhyt.Dashboard;

/// <summary>The dashboard's registrations, read top to bottom.</summary>
public static class Extensions
{
    /// <summary>
    /// The warehouse engine, and the ETL scheduler in-process unless <c>Scheduler:Enabled</c> is false
    /// (<c>BHYT_Scheduler__Enabled=false</c>). The engine comes from <c>BHYT_WAREHOUSE</c>, else <c>Warehouse:Target</c> of appsettings
    /// (default <c>data/bhyt.duckdb</c> under the working directory).
    /// </summary>
    public static void AddWarehouse(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddEnvironmentVariables("BHYT_");
        var target = Environment.GetEnvironmentVariable(WarehouseTarget.EnvironmentVariable)
                     ?? builder.Configuration["Warehouse:Target"];
        var engine = WarehouseEngine.For(target);
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton<WarehouseStatusQuery>();
        if (builder.Configuration.GetValue("Scheduler:Enabled", true))
            builder.Services.AddBhytScheduler(engine, InboxOptions.Default(builder.Configuration["Scheduler:Inbox"]));
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
