using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.Mocks;

/// <summary>The Dify stand-in keeps only the newest uploads, runs and calls, so a load run cannot grow it without end.</summary>
public sealed class DifyRetentionTests
{
    private const string User = "mcs-orchestrator";

    [Fact]
    public async Task Only_the_newest_uploads_and_calls_are_kept_and_an_evicted_upload_is_an_invalid_file()
    {
        await using var server = MocksServer.Start(settings: new Dictionary<string, string?>
        {
            ["Mocks:DifyRetainedUploads"] = "3",
            ["Mocks:DifyRetainedRuns"] = "3",
            ["Mocks:DifyRetainedCalls"] = "4",
        });
        var uploads = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            uploads.Add(await server.UploadAsync(SamplePdf.EnglishContract(), User));
        }
        using var dify = server.Dify(TestKeys.DifyContractKey);

        using var evicted = await dify.PostAsync("workflows/run", MocksServer.Json(MocksServer.ContractRun(uploads[0], User, "blocking")));
        using var newest = await dify.PostAsync("workflows/run", MocksServer.Json(MocksServer.ContractRun(uploads[^1], User, "blocking")));

        Assert.Equal(HttpStatusCode.BadRequest, evicted.StatusCode);
        Assert.Equal("Invalid upload file", JsonNode.Parse(await evicted.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, newest.StatusCode);
        var calls = await server.Http().GetFromJsonAsync<JsonObject>("/_mock/dify/calls");
        var items = calls!["items"]!.AsArray();
        Assert.Equal(4, items.Count);
        Assert.Equal("workflows/run", items[^1]!["endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_newest_runs_keep_their_detail()
    {
        await using var server = MocksServer.Start(settings: new Dictionary<string, string?> { ["Mocks:DifyRetainedRuns"] = "2" });
        using var dify = server.Dify(TestKeys.DifyContractKey);
        var runIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var uploadId = await server.UploadAsync(SamplePdf.EnglishContract(), User);
            using var response = await dify.PostAsync("workflows/run", MocksServer.Json(MocksServer.ContractRun(uploadId, User, "blocking")));
            runIds.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["workflow_run_id"]!.GetValue<string>());
        }

        using var oldest = await dify.GetAsync($"workflows/run/{runIds[0]}");
        using var latest = await dify.GetAsync($"workflows/run/{runIds[^1]}");

        Assert.Equal(HttpStatusCode.NotFound, oldest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
    }
}
