using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bhyt.Etl.Telemetry;

/// <summary>
/// OpenTelemetry over the ETL's and the warehouse queries' sources and meters, exported as <see cref="TelemetrySettings"/>
/// says: in the hosts (dashboard, <c>bhyt schedule</c>) through their services, in the other <c>bhyt</c> verbs for the
/// length of the command (<see cref="StartForCommand"/>).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Registers OpenTelemetry in a host, over <paramref name="more"/> sources and meters too (e.g. ASP.NET Core's).</summary>
    public static IServiceCollection AddBhytTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName,
        params string[] more)
    {
        var settings = TelemetrySettings.From(configuration, serviceName);
        if (!settings.Exports) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing => Tracing(tracing, settings, more))
            .WithMetrics(metrics => Metrics(metrics, settings, more));
        return services;
    }

    /// <summary>
    /// For a one-shot command (<c>bhyt import</c> from cron): providers that live until disposed, which flushes what was
    /// recorded; null when nothing is to be exported. Settings come from <c>BHYT_Telemetry__…</c>.
    /// </summary>
    public static IDisposable? StartForCommand()
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>().ToList();
        // Nothing asked for: return before touching configuration or OpenTelemetry, so a plain command loads neither.
        if (!environment.Any(name => name.StartsWith("BHYT_Telemetry__", StringComparison.OrdinalIgnoreCase) || name == "OTEL_EXPORTER_OTLP_ENDPOINT"))
            return null;
        return StartFromEnvironment();
    }

    private static IDisposable? StartFromEnvironment()
    {
        var settings = TelemetrySettings.From(new ConfigurationBuilder().AddEnvironmentVariables("BHYT_").Build(), "bhyt");
        if (!settings.Exports) return null;
        var resource = ResourceBuilder.CreateDefault().AddService(settings.ServiceName);
        var tracer = Tracing(Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource), settings, []).Build();
        var meter = Metrics(Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource), settings, []).Build();
        return new Providers(tracer, meter);
    }

    private static string[] Names(string[] more) => [EtlTelemetry.Name, Warehouse.Queries.ReportingDb.MeterName, .. more];

    private static TracerProviderBuilder Tracing(TracerProviderBuilder tracing, TelemetrySettings settings, string[] more)
    {
        tracing.AddSource(Names(more));
        if (settings.OtlpEndpoint is not null || settings.OtlpFromEnvironment) tracing.AddOtlpExporter(otlp => Configure(otlp, settings, "traces"));
        if (settings.Console) tracing.AddConsoleExporter();
        return tracing;
    }

    private static MeterProviderBuilder Metrics(MeterProviderBuilder metrics, TelemetrySettings settings, string[] more)
    {
        metrics.AddMeter(Names(more));
        if (settings.OtlpEndpoint is not null || settings.OtlpFromEnvironment) metrics.AddOtlpExporter(otlp => Configure(otlp, settings, "metrics"));
        if (settings.Console) metrics.AddConsoleExporter();
        return metrics;
    }

    // An endpoint set in code is used as given, so over HTTP each signal needs its own path (/v1/traces, /v1/metrics).
    private static void Configure(OtlpExporterOptions otlp, TelemetrySettings settings, string signal)
    {
        if (settings.OtlpHttp) otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
        if (settings.OtlpEndpoint is { } endpoint)
            otlp.Endpoint = settings.OtlpHttp ? new Uri(endpoint.ToString().TrimEnd('/') + "/v1/" + signal) : endpoint;
    }

    private sealed class Providers(TracerProvider? tracer, MeterProvider? meter) : IDisposable
    {
        public void Dispose()
        {
            tracer?.Dispose();
            meter?.Dispose();
        }
    }
}
