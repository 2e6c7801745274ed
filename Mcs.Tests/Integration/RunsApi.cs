using System.Net.Http.Json;
using Mcs.Contracts;
using Mcs.Contracts.Runs;

namespace Mcs.Tests.Integration;

/// <summary>The orchestrator's runs API as an operator reads it: the runs of one mail, by its Message-ID.</summary>
public sealed class RunsApi(HttpClient http) : IDisposable
{
    /// <summary>Every run of the mail, oldest first (<c>GET /v1/orchestrations/runs?message_id=</c>).</summary>
    public async Task<IReadOnlyList<OrchestratorRunResult>> ForMessageAsync(string messageId)
    {
        var page = await http.GetFromJsonAsync<PagedList<OrchestratorRunResult>>(
            $"/v1/orchestrations/runs?message_id={Uri.EscapeDataString(messageId)}&limit=100", McsJson.Options);
        return [.. page!.Items.OrderBy(r => r.StartedAt)];
    }

    /// <summary>Waits until the mail has <paramref name="count"/> runs and none of them is still running.</summary>
    public Task<IReadOnlyList<OrchestratorRunResult>> WaitForFinishedAsync(string messageId, int count = 1, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(
            () => ForMessageAsync(messageId),
            runs => runs.Count >= count && runs.All(r => r.Status != RunStatus.Running),
            $"{count} finished run(s) of {messageId}",
            timeout);

    public Task<OrchestratorRunResult> WaitForStatusAsync(string messageId, RunStatus status, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(
            async () => (await ForMessageAsync(messageId)).FirstOrDefault(r => r.Status == status)!,
            run => run is not null,
            $"a {status} run of {messageId}",
            timeout);

    public async Task<HttpResponseMessage> ReviewAsync(string runId, ReviewRequest request) =>
        await http.PostAsJsonAsync($"/v1/orchestrations/runs/{runId}/review", request, McsJson.Options);

    public void Dispose() => http.Dispose();
}
