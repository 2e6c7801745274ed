using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.EmailListener.Data;
using Mcs.EmailListener.Endpoints;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.EmailListener;

/// <summary>The listener's HTTP API with real PostgreSQL, a real Dovecot and a stand-in run endpoint.</summary>
public sealed class EmailApiTests(DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Webhook_RecordsAndHandsOverARawMessage_AndRefusesBadInputWritingNothing()
    {
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        await using var host = new ListenerHost(ListenerHost.Settings(db, orchestrator.BaseUrl));
        var client = host.CreateAuthorizedClient();
        await WaitHealthyAsync(client);

        var anonymous = await host.CreateClient().PostAsync("/v1/email/webhook", Raw(TestMails.PurchaseOrder(1)));
        var empty = await client.PostAsync("/v1/email/webhook", Raw([]));
        var noSender = await client.PostAsync("/v1/email/webhook", Raw(TestDataFiles.Eml("stalwart_malformed_019.eml")));
        var accepted = await client.PostAsync("/v1/email/webhook", Raw(TestMails.PurchaseOrder(2)));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("empty_message", await CodeAsync(empty));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noSender.StatusCode);
        Assert.Equal("email_rejected", await CodeAsync(noSender));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = (await accepted.Content.ReadFromJsonAsync<WebhookAccepted>(McsJson.Options))!;
        var records = await ListenerDatabase.WaitForAsync(db, r => r.Count == 1 && r[0].Status == EmailRecordStatus.Accepted, Wait, "webhook delivery");
        Assert.Equal(body.DeliveryId, records[0].DeliveryId);
        Assert.Equal("webhook", Assert.Single(orchestrator.Accepted).Mailbox);
    }

    [Fact]
    public async Task EveryCorpusFile_AppendedToTheMailbox_IsHandedOverOrRecordedAsRejectedWithAReason()
    {
        var (user, password) = await dovecot.NewUserAsync();
        var files = Directory.GetFiles(TestDataFiles.Directory("eml"), "*.eml").Order().ToList();
        await dovecot.Dovecot.AppendAsync(user, password, "INBOX", [.. files.Select(File.ReadAllBytes)]);
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        var settings = ListenerHost.Settings(db, orchestrator.BaseUrl);
        ListenerHost.AddMailbox(settings, 0, "corpus", dovecot.Dovecot.Port, user, password);
        await using var host = new ListenerHost(settings);
        var client = host.CreateAuthorizedClient();

        var records = await ListenerDatabase.WaitForAsync(db,
            r => r.Count == files.Count && r.All(x => x.Status is EmailRecordStatus.Accepted or EmailRecordStatus.Rejected), Wait, "the whole corpus");

        Assert.All(records.Where(r => r.Status == EmailRecordStatus.Rejected), r => Assert.False(string.IsNullOrEmpty(r.Reason)));
        Assert.Equal(records.Count(r => r.Status == EmailRecordStatus.Accepted), orchestrator.Accepted.Count);
        Assert.True(orchestrator.Accepted.Count >= files.Count - 5, "nearly all of the corpus becomes an EmailEvent");

        var rejected = (await client.GetFromJsonAsync<PagedList<EmailRecordDto>>("/v1/email/records?status=rejected", McsJson.Options))!;
        Assert.Equal(records.Count(r => r.Status == EmailRecordStatus.Rejected), rejected.Items.Count);
        Assert.All(rejected.Items, r => Assert.Equal("rejected", r.Status));
    }

    [Fact]
    public async Task Records_ArePaged_AndBadQueriesAreRefused()
    {
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        await using var host = new ListenerHost(ListenerHost.Settings(db, orchestrator.BaseUrl));
        var client = host.CreateAuthorizedClient();
        await WaitHealthyAsync(client);
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsync("/v1/email/webhook", Raw(TestMails.PurchaseOrder(i)))).EnsureSuccessStatusCode();
        }

        var first = (await client.GetFromJsonAsync<PagedList<EmailRecordDto>>("/v1/email/records?limit=3", McsJson.Options))!;
        var second = (await client.GetFromJsonAsync<PagedList<EmailRecordDto>>($"/v1/email/records?limit=3&cursor={first.NextCursor}", McsJson.Options))!;
        var badStatus = await client.GetAsync("/v1/email/records?status=lost");
        var badLimit = await client.GetAsync("/v1/email/records?limit=5000");

        Assert.Equal(3, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.NextCursor);
        Assert.Equal(5, first.Items.Concat(second.Items).Select(r => r.DeliveryId).Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal("invalid_query", await CodeAsync(badStatus));
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task Healthz_IsDegradedNamingTheMailbox_WhenItHasNotSynced_AndPollOfAnUnknownMailboxIs404()
    {
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        var settings = ListenerHost.Settings(db, orchestrator.BaseUrl);
        // Nothing listens on this port: the trigger cannot sync, while the process itself is fine.
        ListenerHost.AddMailbox(settings, 0, "broken-box", LocalServerProcess.FreePort(), "nobody", "secret");
        settings["EmailListener:StaleAfter"] = "00:00:02";
        await using var host = new ListenerHost(settings);
        var client = host.CreateAuthorizedClient();

        string body = "";
        var deadline = DateTime.UtcNow + Wait;
        while (!body.Contains("\"degraded\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            var response = await client.GetAsync("/v1/healthz");
            body = await response.Content.ReadAsStringAsync();
        }
        var poll = await client.PostAsync("/v1/email/poll?mailbox=nope", null);
        var pollAll = await client.PostAsync("/v1/email/poll", null);

        using var health = JsonDocument.Parse(body);
        Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
        Assert.Contains("broken-box", health.RootElement.GetProperty("checks").GetProperty("mailboxes").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        Assert.Equal("unknown_mailbox", await CodeAsync(poll));
        Assert.Equal(HttpStatusCode.Accepted, pollAll.StatusCode);
        Assert.Equal(["broken-box"], (await pollAll.Content.ReadFromJsonAsync<PollRequested>(McsJson.Options))!.Mailboxes);
    }

    private static ByteArrayContent Raw(byte[] raw)
    {
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new("message/rfc822");
        return content;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("code").GetString();
    }

    private static async Task WaitHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + Wait;
        while ((await client.GetAsync("/v1/healthz")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
