using Bhyt.Dashboard.Components.Pages.Coverage;
using Bhyt.Dashboard.Health;
using Bhyt.Dashboard.Operations;
using Bhyt.Etl.Telemetry;
using Bhyt.Dashboard.Components.Pages.Fund;
using Bhyt.Dashboard.Components.Pages.Kcb;
using Bhyt.Dashboard.Components.Pages.Overview;
using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Warehouse.Queries;
using Bhyt.Dashboard.SampleData;
using Bhyt.Dashboard.Security;
using Bhyt.Dashboard.Security.Oidc;
using Bhyt.Dashboard.Security.Scope;
using Bhyt.Dashboard.Security.Sessions;
using Bhyt.Dashboard.Security.SignIn;
using Bhyt.Etl.Scheduling;
using Microsoft.AspNetCore.Authentication.Cookies;
using Radzen;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Units.Scope;

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
        var scheduler = builder.Configuration.GetSection("Scheduler");
        var inbox = InboxOptions.From(scheduler);
        builder.Services.AddSingleton(inbox);
        builder.Services.AddSingleton<InboxStatus>();
        if (builder.Configuration.GetValue("Scheduler:Enabled", true))
            builder.Services.AddBhytScheduler(engine, scheduler, inbox);
    }

    /// <summary>
    /// Cookie login over the accounts of <see cref="UserStore"/> (lockouts <c>Auth:Lockout</c>, sessions <c>Auth:Session</c>)
    /// and, when <c>Auth:Oidc</c> is set, the organisation's OpenID Connect provider; every page requires a signed-in
    /// user (<c>[Authorize]</c> on the Pages folder) and roles are checked again by the services that act. Every query service
    /// reads the units of the signed-in account's scope only (<see cref="AccountUnitAccess"/>).
    /// </summary>
    public static void AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        var usersFile = builder.Configuration["Auth:UsersFile"] ?? DefaultUsersFile(builder.Configuration);
        builder.Services.AddSingleton(new UserStore(Path.GetFullPath(usersFile)));
        var sessions = SessionLifetime.From(builder.Configuration.GetSection("Auth:Session"));
        var oidc = OidcSettings.From(builder.Configuration.GetSection("Auth:Oidc"));
        builder.Services.AddSingleton(oidc);
        builder.Services.AddSignIn(LockoutOptions.From(builder.Configuration.GetSection("Auth:Lockout")), sessions);
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddSessionCookie(sessions, oidc.IsConfigured);
        if (oidc.IsConfigured) authentication.AddOrganisationSignIn(oidc);
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<IUnitAccessSource, AccountUnitAccess>();
        builder.Services.AddCascadingAuthenticationState();
    }

    /// <summary>The query services behind the pages (all over the rpt views) and Radzen's services.</summary>
    public static void AddDashboardQueries(this WebApplicationBuilder builder)
    {
        builder.Services.AddDashboardQueries();
        builder.Services.AddScoped<InboxUpload>();
        builder.Services.AddScoped<Components.Pages.Submissions.AnnexDownload>();
        builder.Services.AddSingleton<UploadScope>();
        builder.Services.AddScoped<Components.Pages.Accounts.AccountsService>();
        builder.Services.AddScoped<Components.Pages.Accounts.VerificationService>();
        builder.Services.AddScoped<Components.Pages.Review.ReviewService>();
        builder.Services.AddScoped<Components.Pages.Anomalies.AnomalyReviewService>();
        builder.Services.AddScoped<Components.Pages.Anomalies.AnomalyDetailService>();
        builder.Services.AddScoped<Components.Pages.Alerts.AlertsService>();
        builder.Services.AddSingleton<Bhyt.Warehouse.Dictionary.RptCatalog>();
        builder.Services.AddSingleton<Components.Pages.Dictionary.DataDictionaryService>();
        builder.Services.AddSqlConsole(builder.Configuration.GetSection("Console"));
        builder.Services.AddRadzenComponents();
    }

    /// <summary>
    /// The pages' query services over an <see cref="IWarehouseEngine"/> and an <see cref="IUnitAccessSource"/> registered beside
    /// them (also used by the benchmark). They are scoped (one per circuit): each reads the units its caller may read.
    /// </summary>
    public static IServiceCollection AddDashboardQueries(this IServiceCollection services)
    {
        services.AddSingleton<ReportingDb>();
        services.AddSingleton<SourceQueries>();
        services.AddSingleton<UnitCatalog>();
        services.AddSingleton<UnitAccessCache>();
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<HistoryQueries>();
        services.AddScoped<ClaimsQueries>();
        services.AddScoped<SubmissionQueries>();
        services.AddScoped<ReportingRateQueries>();
        services.AddScoped<AnomalyQueries>();
        services.AddScoped<AnomalySeriesQueries>();
        services.AddScoped<AlertQueries>();
        services.AddScoped<FigureCandidateQueries>();
        services.AddScoped<OverviewService>();
        services.AddScoped<CoverageService>();
        services.AddScoped<KcbService>();
        services.AddScoped<FundService>();
        services.AddScoped<SubmissionsService>();
        return services;
    }

    /// <summary>
    /// The SQL console (<c>/truy-van</c>): rpt-only read-only sessions, the unit-scope resolver, each user's history;
    /// limits from <paramref name="section"/> (see <see cref="Components.Pages.Console.ConsoleOptions"/>).
    /// </summary>
    public static IServiceCollection AddSqlConsole(this IServiceCollection services, IConfiguration section)
    {
        services.AddSingleton(Components.Pages.Console.ConsoleOptions.From(section));
        services.AddSingleton<Bhyt.Warehouse.Querying.ReadOnlyQueryRunner>();
        services.AddSingleton<Bhyt.Warehouse.Querying.IUnitScopeResolver, Bhyt.Warehouse.Querying.UnitAccessScopeResolver>();
        services.AddSingleton<Bhyt.Warehouse.Querying.QueryHistoryStore>();
        services.AddScoped<Components.Pages.Console.ConsoleService>();
        return services;
    }

    /// <summary>The first start's sample data (section <c>Sample</c>: Enabled, Province, Claims, Seed), loaded in the background once the server listens.</summary>
    public static void AddSampleData(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Sample");
        var defaults = new SampleDataOptions();
        builder.Services.AddSingleton(new SampleDataOptions(
            section.GetValue("Enabled", defaults.Enabled), section["Province"] ?? defaults.Province,
            section.GetValue("Claims", defaults.Claims), section.GetValue("Seed", defaults.Seed)));
        builder.Services.AddSingleton<SampleLoadState>();
        builder.Services.AddSingleton<SampleDataLoader>();
    }

    /// <summary>
    /// Operations: backup and export on behalf of <c>bhyt</c> (<see cref="WarehouseOwnership"/>), the health checks of
    /// <c>/healthz</c>, and OpenTelemetry (section <c>Telemetry</c>, see <see cref="Etl.Telemetry.TelemetrySettings"/>) over the
    /// ETL's, the queries' and ASP.NET Core's own traces and metrics.
    /// </summary>
    public static void AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WarehouseOwnership>();
        builder.Services.AddHealth();
        builder.Services.AddBhytTelemetry(builder.Configuration, "bhyt-dashboard",
            "Microsoft.AspNetCore", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
    }

    public static void LoadSampleDataWhenStarted(this WebApplication app)
    {
        var loader = app.Services.GetRequiredService<SampleDataLoader>();
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => loader.LoadIfEmptyAsync(app.Lifetime.ApplicationStopping)));
    }

    /// <summary>On the first start, creates the administrator (see <see cref="AdminBootstrap"/>) and prints how to log in.</summary>
    public static void EnsureFirstAdministrator(this WebApplication app)
    {
        var message = AdminBootstrap.EnsureAdmin(app.Services.GetRequiredService<UserStore>(), Environment.GetEnvironmentVariable);
        if (message is null) return;
        Console.WriteLine(message);
        app.Logger.LogInformation("First administrator created; accounts are kept in {File}", app.Services.GetRequiredService<UserStore>().Path);
    }

    private static string DefaultUsersFile(IConfiguration configuration)
    {
        var target = Environment.GetEnvironmentVariable(WarehouseTarget.EnvironmentVariable) ?? configuration["Warehouse:Target"] ?? "data/bhyt.duckdb";
        var folder = target.Contains('=') ? "data" : Path.GetDirectoryName(Path.GetFullPath(target)) ?? "data";
        return Path.Combine(folder, "users.json");
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
