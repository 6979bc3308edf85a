using Microsoft.Extensions.Configuration;

namespace Bhyt.Etl.Telemetry;

/// <summary>
/// Section <c>Telemetry</c> (env <c>BHYT_Telemetry__…</c>): <c>Otlp:Endpoint</c> (e.g. <c>http://otel-collector:4317</c>;
/// OpenTelemetry's own <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> also turns the exporter on), <c>Otlp:Protocol</c>
/// (<c>grpc</c>, default, or <c>http/protobuf</c>), <c>Console</c> (false: traces and metrics printed, for debugging),
/// <c>ServiceName</c>. With neither an endpoint nor the console nothing is exported and OpenTelemetry is not started.
/// </summary>
public sealed record TelemetrySettings(Uri? OtlpEndpoint, bool OtlpFromEnvironment, bool OtlpHttp, bool Console, string ServiceName)
{
    public bool Exports => OtlpEndpoint is not null || OtlpFromEnvironment || Console;

    public static TelemetrySettings From(IConfiguration configuration, string defaultServiceName)
    {
        var section = configuration.GetSection("Telemetry");
        var endpoint = section["Otlp:Endpoint"];
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(endpoint) && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
            throw new ArgumentException($"Telemetry:Otlp:Endpoint '{endpoint}': cần một địa chỉ http(s) tuyệt đối, ví dụ http://otel-collector:4317. [config.telemetry]");
        var protocol = section["Otlp:Protocol"] ?? "grpc";
        if (protocol is not ("grpc" or "http/protobuf"))
            throw new ArgumentException($"Telemetry:Otlp:Protocol '{protocol}': dùng grpc hoặc http/protobuf. [config.telemetry]");
        return new TelemetrySettings(uri,
            !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")),
            protocol == "http/protobuf", section.GetValue("Console", false), section["ServiceName"] ?? defaultServiceName);
    }
}
