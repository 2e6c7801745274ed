using System.Net;
using System.Net.Http.Json;
using Mcs.Contracts;
using Mcs.Contracts.Email;
using Mcs.Contracts.Runs;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Service.Orchestrator;

/// <summary>The calls a user of the orchestrator API makes in the service tests: post a mail, read a run, review, replay.</summary>
internal static class OrchestratorApi
{
    /// <summary>Generous for a loaded 2-core machine; a poll ends as soon as the run is where the test expects it.</summary>
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    public static EmailEvent ContractMail(string delivery, string messageId, string from = "wang.fang@hdjd.com.cn", string body = "王经理：附件是合同，请确认。") =>
        Email(delivery, $"{messageId}|{from}", from, "采购合同 HD-2026-118", body, Attachment("合同.pdf", TextPdf("Purchase Contract HD-2026-118")));

    /// <summary>Posts the mail and returns the run as GET shows it once it has settled (or paused for review).</summary>
    public static async Task<OrchestratorRunResult> RunToSettledAsync(this HttpClient client, EmailEvent email)
    {
        var response = await client.PostAsJsonAsync("/v1/orchestrations/sales-email/run", email, McsJson.Options);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (await response.Content.ReadFromJsonAsync<OrchestratorRunResult>(McsJson.Options))!;
        }
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<RunAccepted>(McsJson.Options);
        return await client.WaitForRunAsync(accepted!.RunId, r => r.Status != RunStatus.Running);
    }

    public static async Task<OrchestratorRunResult> GetRunAsync(this HttpClient client, string runId) =>
        (await client.GetFromJsonAsync<OrchestratorRunResult>($"/v1/orchestrations/runs/{runId}", McsJson.Options))!;

    public static async Task<OrchestratorRunResult> WaitForRunAsync(this HttpClient client, string runId, Func<OrchestratorRunResult, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + SettleTimeout;
        var run = await client.GetRunAsync(runId);
        while (!done(run))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"run {runId} stayed {run.Status}");
            await Task.Delay(100);
            run = await client.GetRunAsync(runId);
        }
        return run;
    }

    public static async Task<OrchestratorRunResult> ReviewAsync(this HttpClient client, string runId, ReviewRequest request)
    {
        var response = await client.PostAsJsonAsync($"/v1/orchestrations/runs/{runId}/review", request, McsJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await client.WaitForRunAsync(runId, r => r.Status is not (RunStatus.Running or RunStatus.WaitingReview));
    }

    public static async Task<OrchestratorRunResult> ReplayAsync(this HttpClient client, string runId, string fromNode)
    {
        var response = await client.PostAsJsonAsync("/v1/orchestrations/sales-email/replay", new ReplayRequest { RunId = runId, FromNode = fromNode }, McsJson.Options);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<RunAccepted>(McsJson.Options);
        return await client.WaitForRunAsync(accepted!.RunId, r => r.Status is not (RunStatus.Running or RunStatus.WaitingReview));
    }
}
