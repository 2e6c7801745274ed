using Mcs.Orchestrator.Adapters.Dify;
using Microsoft.Extensions.Logging;

namespace Mcs.Tests.Unit.Adapters;

/// <summary>What an operator's log shows of Dify calls: not every normal first-try success, but each one that needed retries.</summary>
public sealed class DifyLogTests
{
    [Fact]
    public void A_call_that_succeeds_on_its_first_attempt_is_logged_at_debug()
    {
        var logger = new RecordingLogger();

        DifyLog.Succeeded(logger, "contract workflow", 1, "run-1");

        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Debug, 4100), (entry.Level, entry.EventId));
    }

    [Fact]
    public void A_call_that_succeeds_after_failed_attempts_is_logged_at_information_with_the_attempt()
    {
        var logger = new RecordingLogger();

        DifyLog.Succeeded(logger, "contract workflow", 3, "run-1");

        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Information, 4100), (entry.Level, entry.EventId));
        Assert.Contains("attempt 3", entry.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, int EventId, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
