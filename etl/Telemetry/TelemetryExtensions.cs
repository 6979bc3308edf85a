using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bhyt.Etl.Telemetry;

/// <summary>OpenTelemetry for the hosts (dashboard, <c>bhyt schedule</c>), exported as <see cref="TelemetrySettings"/> says.</summary>
public static class TelemetryExtensions
{
    /// <summary>The ETL's and the warehouse queries' sources and meters (plus <paramref name="more"/>, e.g. ASP.NET Core's).</summary>
    public static IServiceCollection AddBhytTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName,
        params string[] more)
    {
        var settings = TelemetrySettings.From(configuration, serviceName);
        if (!settings.Exports) return services;
        string[] names = [EtlTelemetry.Name, Warehouse.Queries.ReportingDb.MeterName, .. more];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(names);
                if (settings.OtlpEndpoint is not null || settings.OtlpFromEnvironment) tracing.AddOtlpExporter(otlp => Configure(otlp, settings, "traces"));
                if (settings.Console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(names);
                if (settings.OtlpEndpoint is not null || settings.OtlpFromEnvironment) metrics.AddOtlpExporter(otlp => Configure(otlp, settings, "metrics"));
                if (settings.Console) metrics.AddConsoleExporter();
            });
        return services;
    }

    // An endpoint set in code is used as given, so over HTTP each signal needs its own path (/v1/traces, /v1/metrics).
    private static void Configure(OtlpExporterOptions otlp, TelemetrySettings settings, string signal)
    {
        if (settings.OtlpHttp) otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
        if (settings.OtlpEndpoint is { } endpoint)
            otlp.Endpoint = settings.OtlpHttp ? new Uri(endpoint.ToString().TrimEnd('/') + "/v1/" + signal) : endpoint;
    }
}
