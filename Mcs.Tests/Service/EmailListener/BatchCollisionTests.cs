using System.Diagnostics.Metrics;
using Mcs.EmailListener;
using Mcs.EmailListener.Data;
using Mcs.EmailListener.Imap;
using Mcs.EmailListener.Mime;
using Mcs.EmailListener.Outbox;
using Mcs.EmailListener.Recording;
using Mcs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcs.Tests.Service.EmailListener;

/// <summary>
/// The batched ingest (ADR-023) when another replica records part of the batch between our check and our insert:
/// forced here by letting the "other replica" record one of the mails just before our transaction is saved.
/// </summary>
public sealed class BatchCollisionTests
{
    private const string Mailbox = "sales";
    private const long UidValidity = 7;

    [Fact]
    public async Task A_batch_that_collides_with_another_replica_is_redone_mail_by_mail_and_no_mail_is_recorded_twice()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("listener");
        await using (var setup = ListenerDatabase.Open(connectionString))
        {
            await setup.Database.MigrateAsync();
            setup.MailboxSyncStates.Add(new MailboxSyncState { Mailbox = Mailbox, UidValidity = UidValidity, LastUid = 0 });
            await setup.SaveChangesAsync();
        }
        var mails = Enumerable.Range(1, 5).Select(i => new RawMail(i, TestMails.PurchaseOrder(i))).ToArray();
        var otherReplica = new OtherReplicaRecordsFirst(connectionString, mails[2]);
        await using var db = new EmailListenerDbContext(new DbContextOptionsBuilder<EmailListenerDbContext>()
            .UseNpgsql(connectionString).AddInterceptors(otherReplica).Options);
        var state = await db.MailboxSyncStates.SingleAsync(s => s.Mailbox == Mailbox);

        var outcomes = await Recorder(db).RecordImapAsync(state, mails, CancellationToken.None);

        Assert.True(otherReplica.Recorded, "the other replica did not get to record its mail first");
        Assert.Equal([RecordOutcome.Recorded, RecordOutcome.Recorded, RecordOutcome.AlreadyRecorded, RecordOutcome.Recorded, RecordOutcome.Recorded],
            outcomes);
        var records = await ListenerDatabase.RecordsAsync(connectionString);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], records.Select(r => r.Uid!.Value).Order());
        Assert.Equal(5, records.Select(r => r.DeliveryId).Distinct().Count());
        Assert.All(records, r => Assert.Equal(EmailRecordStatus.Received, r.Status));
        await using var check = ListenerDatabase.Open(connectionString);
        Assert.Equal(5, (await check.MailboxSyncStates.AsNoTracking().SingleAsync(s => s.Mailbox == Mailbox)).LastUid);
    }

    private static MailRecorder Recorder(EmailListenerDbContext db)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        return new MailRecorder(db, new EmailEventFactory(Options.Create(new EmailListenerOptions())), TimeProvider.System, new OutboxSignal(),
            new EmailListenerMetrics(services.GetRequiredService<IMeterFactory>(), TimeProvider.System));
    }

    /// <summary>Just before our batch is saved (once), a second listener with its own connection records one mail of it.</summary>
    private sealed class OtherReplicaRecordsFirst(string connectionString, RawMail mail) : SaveChangesInterceptor
    {
        public bool Recorded { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!Recorded)
            {
                Recorded = true;
                await using var other = ListenerDatabase.Open(connectionString);
                var otherState = await other.MailboxSyncStates.SingleAsync(s => s.Mailbox == Mailbox, cancellationToken);
                await Recorder(other).RecordImapAsync(otherState, [mail], cancellationToken);
            }
            return result;
        }
    }
}
