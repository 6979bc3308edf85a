using Bhyt.Etl.Telemetry;
using Microsoft.Extensions.Configuration;

namespace Bhyt.Tests.Etl.Telemetry;

public class TelemetrySettingsTests
{
    private static TelemetrySettings From(params (string Key, string Value)[] settings) => TelemetrySettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(), "bhyt-test");

    [Fact]
    public void From_nothingConfigured_exportsNothingAndConsoleOff()
    {
        var settings = From();

        Assert.False(settings.Console);
        Assert.Null(settings.OtlpEndpoint);
        Assert.Equal(settings.OtlpFromEnvironment, settings.Exports);
        Assert.Equal("bhyt-test", settings.ServiceName);
    }

    [Fact]
    public void From_otlpEndpointOverHttp_exportsThere()
    {
        var settings = From(("Telemetry:Otlp:Endpoint", "http://otel-collector:4318"), ("Telemetry:Otlp:Protocol", "http/protobuf"), ("Telemetry:ServiceName", "bhyt-tinh-68"));

        Assert.True(settings.Exports);
        Assert.Equal(new Uri("http://otel-collector:4318"), settings.OtlpEndpoint);
        Assert.True(settings.OtlpHttp);
        Assert.Equal("bhyt-tinh-68", settings.ServiceName);
    }

    [Theory]
    [InlineData("Telemetry:Otlp:Endpoint", "otel-collector:4317 ")]
    [InlineData("Telemetry:Otlp:Protocol", "udp")]
    public void From_unusableSetting_refusedNamingIt(string key, string value)
    {
        var refused = Assert.Throws<ArgumentException>(() => From((key, value)));

        Assert.Contains(key, refused.Message);
        Assert.Contains("[config.telemetry]", refused.Message);
    }
}
