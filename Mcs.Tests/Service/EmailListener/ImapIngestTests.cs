using System.Security.Cryptography;
using MailKit;
using Mcs.EmailListener.Data;
using Mcs.Tests.Support;

namespace Mcs.Tests.Service.EmailListener;

/// <summary>Mail APPENDed to a real Dovecot, the listener in-process with real PostgreSQL, a stand-in run endpoint.</summary>
public sealed class ImapIngestTests(DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AppendedMail_IsRecordedAndHandedOverExactlyOnce_AndMarkedSeenOnlyAfterAcceptance()
    {
        var (user, password) = await dovecot.NewUserAsync();
        var mails = Enumerable.Range(1, 5).Select(i => TestMails.PurchaseOrder(i)).ToArray();
        await dovecot.Dovecot.AppendAsync(user, password, "INBOX", mails);
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        orchestrator.StatusCode = 503;
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        var settings = ListenerHost.Settings(db, orchestrator.BaseUrl);
        ListenerHost.AddMailbox(settings, 0, "sales", dovecot.Dovecot.Port, user, password, action: "MarkSeen");
        await using var host = new ListenerHost(settings);
        _ = host.Server;

        // The orchestrator is down: every mail is recorded and retried, and none is touched in the mailbox.
        await ListenerDatabase.WaitForAsync(db, r => r.Count == 5 && r.All(x => x.Attempts >= 2), Wait, "failed attempts");
        var flags = await dovecot.Dovecot.ListAsync(user, password, "INBOX");
        Assert.All(flags, f => Assert.False(f.Flags.HasFlag(MessageFlags.Seen)));

        orchestrator.StatusCode = 202;
        var records = await ListenerDatabase.WaitForAsync(db, r => r.Count == 5 && r.All(x => x.Status == EmailRecordStatus.Accepted), Wait, "acceptance");
        await WaitUntilAsync(async () => (await dovecot.Dovecot.ListAsync(user, password, "INBOX")).All(f => f.Flags.HasFlag(MessageFlags.Seen)), "marked seen");

        Assert.Equal(5, orchestrator.Accepted.Count);
        Assert.Equal(5, orchestrator.Accepted.Select(e => e.DeliveryId).Distinct().Count());
        Assert.Equal(records.Select(r => r.DeliveryId).Order(), orchestrator.Accepted.Select(e => e.DeliveryId).Order());
        Assert.All(orchestrator.Authorizations, a => Assert.Equal($"Bearer {TestKeys.ApiKey}", a));
        foreach (var accepted in orchestrator.Accepted)
        {
            // The raw message travels along and is the stored one, byte for byte.
            var raw = Convert.FromBase64String(accepted.RawBase64!);
            Assert.Equal(accepted.RawSha256, Convert.ToHexStringLower(SHA256.HashData(raw)));
            Assert.Equal("sales", accepted.Mailbox);
            Assert.NotNull(accepted.Uid);
            Assert.Equal("application/pdf", Assert.Single(accepted.Attachments).DetectedType);
        }
    }

    [Fact]
    public async Task Idle_DeliversNewMailWithinSeconds_WhenPollingIsFarAway()
    {
        var (user, password) = await dovecot.NewUserAsync();
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        var settings = ListenerHost.Settings(db, orchestrator.BaseUrl);
        ListenerHost.AddMailbox(settings, 0, "idle", dovecot.Dovecot.Port, user, password, pollInterval: "00:10:00");
        await using var host = new ListenerHost(settings);
        var client = host.CreateAuthorizedClient();
        // /v1/healthz answers 503 until migrated, then names the mailbox's state.
        await WaitUntilAsync(async () => (await (await client.GetAsync("/v1/healthz")).Content.ReadAsStringAsync()).Contains("All mailboxes synced", StringComparison.Ordinal), "first sync");
        await Task.Delay(500); // let the watcher enter IDLE

        var appended = DateTime.UtcNow;
        await dovecot.Dovecot.AppendAsync(user, password, "INBOX", TestMails.PurchaseOrder(1));
        await ListenerDatabase.WaitForAsync(db, r => r.Any(x => x.Status == EmailRecordStatus.Accepted), TimeSpan.FromSeconds(10), "IDLE delivery");
        Assert.True(DateTime.UtcNow - appended < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ListenerRestartInTheMiddleOfABatch_NeitherLosesNorRepeatsMail()
    {
        var (user, password) = await dovecot.NewUserAsync();
        await dovecot.Dovecot.AppendAsync(user, password, "INBOX", [.. Enumerable.Range(1, 40).Select(i => TestMails.PurchaseOrder(i))]);
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        var settings = ListenerHost.Settings(db, orchestrator.BaseUrl);
        ListenerHost.AddMailbox(settings, 0, "batch", dovecot.Dovecot.Port, user, password);

        var first = new ListenerHost(settings);
        _ = first.Server;
        var partial = await ListenerDatabase.WaitForAsync(db, r => r.Count >= 1, Wait, "first records");
        await first.DisposeAsync();
        Assert.InRange((await ListenerDatabase.RecordsAsync(db)).Count, 1, 40);

        await using var second = new ListenerHost(settings);
        _ = second.Server;
        var records = await ListenerDatabase.WaitForAsync(db, r => r.Count == 40 && r.All(x => x.Status == EmailRecordStatus.Accepted), Wait, "all accepted");

        Assert.Equal(40, records.Select(r => r.Uid).Distinct().Count());
        Assert.Equal(40, records.Select(r => r.DedupeKey).Distinct().Count());
        // One delivery per mail: a POST repeated after the restart carries the same delivery_id (idempotent run endpoint).
        Assert.Equal(40, orchestrator.Accepted.Select(e => e.DeliveryId).Distinct().Count());
        Assert.Equal(40, orchestrator.Accepted.Select(e => e.DedupeKey).Distinct().Count());
        Assert.NotEmpty(partial);
    }

    [Fact]
    public async Task UidValidityChange_NeitherLosesNorRepeatsMail()
    {
        var (user, password) = await dovecot.NewUserAsync();
        var old = Enumerable.Range(1, 3).Select(i => TestMails.PurchaseOrder(i)).ToArray();
        await dovecot.Dovecot.AppendAsync(user, password, "Orders", old);
        var uidValidityBefore = await dovecot.Dovecot.UidValidityAsync(user, password, "Orders");
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        var settings = ListenerHost.Settings(db, orchestrator.BaseUrl);
        ListenerHost.AddMailbox(settings, 0, "orders", dovecot.Dovecot.Port, user, password, folder: "Orders");
        await using var host = new ListenerHost(settings);
        _ = host.Server;
        await ListenerDatabase.WaitForAsync(db, r => r.Count == 3 && r.All(x => x.Status == EmailRecordStatus.Accepted), Wait, "first three");

        await dovecot.Dovecot.RecreateFolderAsync(user, password, "Orders");
        var fresh = TestMails.PurchaseOrder(4);
        // The folder comes back with the same three mails (in another order) plus one new one.
        await dovecot.Dovecot.AppendAsync(user, password, "Orders", old[2], fresh, old[0], old[1]);
        var uidValidityAfter = await dovecot.Dovecot.UidValidityAsync(user, password, "Orders");
        Assert.NotEqual(uidValidityBefore, uidValidityAfter);

        var records = await ListenerDatabase.WaitForAsync(db,
            r => r.Count == 4 && r.All(x => x.Status == EmailRecordStatus.Accepted && x.UidValidity == uidValidityAfter), Wait, "re-sync");
        Assert.Equal(4, orchestrator.Accepted.Count);
        Assert.Equal(4, orchestrator.Accepted.Select(e => e.DedupeKey).Distinct().Count());
        Assert.Equal(4, records.Select(r => r.Uid).Distinct().Count());
    }

    [Fact]
    public async Task TwoListenerInstancesOnOneMailbox_HandEachMailOverOnce()
    {
        var (user, password) = await dovecot.NewUserAsync();
        await using var orchestrator = await StandInRunEndpoint.StartAsync();
        var db = await TestPostgres.CreateDatabaseAsync("listener");
        var settings = ListenerHost.Settings(db, orchestrator.BaseUrl);
        ListenerHost.AddMailbox(settings, 0, "shared", dovecot.Dovecot.Port, user, password);
        await using var first = new ListenerHost(settings);
        await using var second = new ListenerHost(settings);
        _ = first.Server;
        _ = second.Server;

        await dovecot.Dovecot.AppendAsync(user, password, "INBOX", [.. Enumerable.Range(1, 20).Select(i => TestMails.PurchaseOrder(i))]);
        var records = await ListenerDatabase.WaitForAsync(db, r => r.Count == 20 && r.All(x => x.Status == EmailRecordStatus.Accepted), Wait, "all accepted");
        await Task.Delay(1500); // a further poll round of both instances must not add anything

        Assert.Equal(20, (await ListenerDatabase.RecordsAsync(db)).Count);
        Assert.Equal(20, orchestrator.Received.Count);
        Assert.Equal(20, orchestrator.Received.Select(e => e.DeliveryId).Distinct().Count());
        Assert.Equal(records.Select(r => r.DeliveryId).Order(), orchestrator.Received.Select(e => e.DeliveryId).Order());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }
            await Task.Delay(100);
        }
    }
}
