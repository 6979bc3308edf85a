using Microsoft.Extensions.Logging;

namespace Bhyt.Tests.Etl.Telemetry;

/// <summary>A logger that keeps every message with the scope values in force when it was written (as a console or OTLP logger would show them).</summary>
internal sealed class ScopeRecordingLogger<T> : ILogger<T>
{
    private readonly LoggerExternalScopeProvider _scopes = new();

    public List<(string Message, Dictionary<string, object?> Scope)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var scope = new Dictionary<string, object?>();
        _scopes.ForEachScope((value, into) =>
        {
            if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                foreach (var (key, item) in pairs) into[key] = item;
        }, scope);
        lock (Entries) Entries.Add((formatter(state, exception), scope));
    }
}
