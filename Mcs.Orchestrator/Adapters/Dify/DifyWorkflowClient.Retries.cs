using System.Text.Json.Nodes;

namespace Mcs.Orchestrator.Adapters.Dify;

public sealed partial class DifyWorkflowClient
{
    /// <summary>
    /// Runs <paramref name="attempt"/> until it gives a value, a failure that a retry cannot fix, the attempts run
    /// out, or the overall deadline passes. Network errors and attempt timeouts count as transient failures.
    /// </summary>
    private async Task<DifyOutcome<T>> WithRetriesAsync<T>(string operation, Func<CancellationToken, Task<DifyAttempt<T>>> attempt, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = new CancellationTokenSource(_options.OverallDeadline, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = timeProvider.GetTimestamp();
        DifyFailure? last = null;
        for (var number = 1; number <= _options.MaxAttempts; number++)
        {
            DifyAttempt<T> result;
            try
            {
                result = await attempt(linked.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return DifyOutcome<T>.Failed(DifyErrorClassifier.Unavailable($"overall deadline of {_options.OverallDeadline} passed during {operation}", last?.WorkflowRunId), number);
            }
            catch (OperationCanceledException)
            {
                result = DifyAttempt<T>.Fail(DifyErrorClassifier.Unavailable($"{operation} attempt timed out"));
            }
            catch (HttpRequestException exception)
            {
                result = DifyAttempt<T>.Fail(DifyErrorClassifier.Unavailable($"{operation}: {exception.Message}"));
            }
            catch (IOException exception)
            {
                result = DifyAttempt<T>.Fail(DifyErrorClassifier.Unavailable($"{operation}: {exception.Message}"));
            }

            if (result.Value is not null)
            {
                DifyLog.Succeeded(logger, operation, number, result.RunId);
                return DifyOutcome<T>.Success(result.Value, result.RunId, result.Warnings, number);
            }
            last = result.Failure!;
            DifyLog.AttemptFailed(logger, operation, number, last.Code, last.Retryable, last.Message);
            if (!last.Retryable || number == _options.MaxAttempts)
            {
                return DifyOutcome<T>.Failed(last, number);
            }
            var delay = RetryDelay(number, result.RetryAfter, last);
            var remaining = _options.OverallDeadline - timeProvider.GetElapsedTime(started);
            if (delay >= remaining)
            {
                return DifyOutcome<T>.Failed(last with { Message = last.Message + " (no time left for another attempt)" }, number);
            }
            try
            {
                await Task.Delay(delay, timeProvider, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return DifyOutcome<T>.Failed(last, number);
            }
        }
        return DifyOutcome<T>.Failed(last!, _options.MaxAttempts);
    }

    /// <summary>Exponential backoff with ±25 % jitter; Retry-After wins; an HTML 429 (edge limit) waits four times longer.</summary>
    private TimeSpan RetryDelay(int attemptNumber, TimeSpan? retryAfter, DifyFailure failure)
    {
        TimeSpan delay;
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            delay = asked;
        }
        else
        {
            var factor = Math.Pow(2, attemptNumber - 1) * (0.75 + Random.Shared.NextDouble() * 0.5);
            if (failure.Kind == DifyFailureKind.RateLimited && failure.DifyCode is null)
            {
                factor *= 4;
            }
            delay = _options.RetryBaseDelay * factor;
        }
        return delay > _options.RetryMaxDelay ? _options.RetryMaxDelay : delay;
    }

    /// <summary>
    /// The stream ended (or went silent) before <c>workflow_finished</c>: ask Dify how the run ended, for a bounded
    /// time, and stop the task so a run nobody listens to does not burn tokens. Null when it did not finish.
    /// </summary>
    private async Task<DifyRunData?> ResolveLostStreamAsync(string workflow, string key, string? runId, string? taskId, CancellationToken cancellationToken)
    {
        DifyLog.StreamLost(logger, workflow, runId);
        if (runId is null)
        {
            return null;
        }
        var pollStarted = timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                using var request = NewRequest(HttpMethod.Get, $"workflows/run/{Uri.EscapeDataString(runId)}", key, null);
                using var attempt = AttemptToken(_options.StreamIdleTimeout, cancellationToken);
                using var response = await httpClient.SendAsync(request, attempt.Token);
                if (response.IsSuccessStatusCode && JsonRepair.ParseObject(await response.Content.ReadAsStringAsync(attempt.Token)) is JsonObject body)
                {
                    var run = DifyStreamReader.ToRunData(body, runId, taskId);
                    if (run.Status is not ("running" or "unknown" or "paused"))
                    {
                        return run;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Polling is best effort; the deadline below decides.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One poll timed out; the deadline below decides.
            }
            if (timeProvider.GetElapsedTime(pollStarted) + _options.RunPollInterval >= _options.RunPollDeadline)
            {
                await StopTaskAsync(key, taskId, cancellationToken);
                return null;
            }
            await Task.Delay(_options.RunPollInterval, timeProvider, cancellationToken);
        }
    }

    private async Task StopTaskAsync(string key, string? taskId, CancellationToken cancellationToken)
    {
        if (taskId is null)
        {
            return;
        }
        try
        {
            var body = new JsonObject { ["user"] = _options.User }.ToJsonString();
            using var request = NewRequest(HttpMethod.Post, $"workflows/tasks/{Uri.EscapeDataString(taskId)}/stop", key,
                new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            using var attempt = AttemptToken(_options.ConnectTimeout, cancellationToken);
            using var response = await httpClient.SendAsync(request, attempt.Token);
        }
        catch (HttpRequestException)
        {
            // Stop only saves tokens; failing to stop changes nothing for us.
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Same: best effort.
        }
    }
}
