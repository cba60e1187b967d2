using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Zhifa.Server.Tests.Notifications;

/// <summary>A real logger provider in the test host that keeps the notification feature's log entries, with their structured values.</summary>
public sealed class RecordingLogs : ILoggerProvider
{
    private const string Feature = "Zhifa.Server.Features.Notifications";

    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);

    public IEnumerable<Entry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Only the feature's own entries: the shared host logs a great deal else.
        public bool IsEnabled(LogLevel logLevel) => category.StartsWith(Feature, StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}
