using Mcs.EmailListener.Data;
using Mcs.ServiceDefaults.Schema;
using Microsoft.Extensions.Options;

namespace Mcs.EmailListener.Outbox;

/// <summary>Runs outbox passes: at once when mail is recorded, else every <see cref="OutboxOptions.PollInterval"/> for retries.</summary>
public sealed class OutboxDispatcher(
    OutboxProcessor processor,
    OutboxSignal signal,
    MigrationsBeforeTraffic<EmailListenerDbContext> migration,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migration.Completed.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await processor.DispatchDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                EmailListenerLog.OutboxPassFailed(logger, exception);
            }
            if (claimed < options.Value.BatchSize)
            {
                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }
}
