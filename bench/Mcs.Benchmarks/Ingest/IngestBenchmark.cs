using System.Diagnostics;
using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Mcs.Benchmarks.Masterdata;
using Mcs.Contracts;
using Mcs.EmailListener;
using Mcs.LocalServers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mcs.Benchmarks.Ingest;

/// <summary>
/// Time to ingest N mails APPENDed to a real Dovecot until all are accepted by a stand-in run endpoint: the listener
/// runs in this process (Kestrel, its real hosted services: IDLE watcher, recorder, outbox) over a real PostgreSQL.
/// The listener is started and synced (one probe mail) before the clock starts; the mails are APPENDed while it IDLEs.
/// </summary>
public sealed class IngestBenchmark : IBenchmark
{
    private const string User = "sales";
    private const string Password = "bench-password";
    private const string Mailbox = "bench";

    public string Name => "ingest";

    public string Description => "N mails APPENDed to Dovecot → all accepted by a stand-in run endpoint [--mails 1000] [--attachment-kb 100]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var mails = Option(args, "--mails", 1000);
        var attachmentBytes = Option(args, "--attachment-kb", 100) * 1024;
        var tag = DateTimeOffset.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

        await using var servers = new BenchServers();
        await servers.StartAsync();
        await using var dovecot = await DovecotServer.StartAsync(BenchServers.ParentFolder);
        await dovecot.CreateUserAsync(User, Password);
        await using var standIn = new StandInRunEndpoint();
        await standIn.StartAsync();
        await using var listener = BuildListener(servers.PostgresConnectionString, dovecot.Port, standIn.BaseUrl);
        await listener.StartAsync(cancellationToken);

        using var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", dovecot.Port, SecureSocketOptions.None, cancellationToken);
        await imap.AuthenticateAsync(User, Password, cancellationToken);

        // The probe: the listener has migrated, leased the mailbox, synced and is IDLE before the clock starts.
        var probe = standIn.Expect(1);
        await imap.Inbox.AppendAsync(new AppendRequest(IngestMails.Build(tag, 0, 1024), MessageFlags.None), cancellationToken);
        await probe.WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
        Console.WriteLine($"listener synced (probe mail accepted); APPENDing {mails} mails with a {attachmentBytes / 1024} KB attachment each");

        var messages = Enumerable.Range(1, mails).Select(i => IngestMails.Build(tag, i, attachmentBytes)).ToArray();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var all = standIn.Expect(mails + 1);
        var clock = Stopwatch.StartNew();
        foreach (var batch in messages.Chunk(50))
        {
            // One MULTIAPPEND per 50 mails, as a mail server delivering a burst would.
            await imap.Inbox.AppendAsync([.. batch.Select(m => (IAppendRequest)new AppendRequest(m, MessageFlags.None))], cancellationToken);
        }
        var appended = clock.Elapsed;
        var arrived = await all.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        var recorded = await WaitForAcceptedRecordsAsync(servers.PostgresConnectionString, mails + 1, cancellationToken);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        await imap.DisconnectAsync(true, cancellationToken);
        await listener.StopAsync(cancellationToken);

        var statuses = await StatusCountsAsync(servers.PostgresConnectionString, cancellationToken);
        var rate = mails / arrived.TotalSeconds;
        Console.WriteLine(F($"APPEND of {mails} mails took {appended.TotalSeconds:0.0} s"));
        Console.WriteLine(F($"all {mails} accepted by the stand-in {arrived.TotalSeconds:0.0} s after the first APPEND; every record 'accepted' in PostgreSQL {recorded.TotalSeconds:0.0} s later"));
        Console.WriteLine($"stand-in: {standIn.Requests} POSTs, {standIn.DistinctMails} distinct mails, {standIn.Repeated} handed over more than once; email_records: {statuses}");
        Console.WriteLine(F($"benchmark process CPU (listener + stand-in + IMAP client) {cpu:0.0} s over {clock.Elapsed.TotalSeconds:0.0} s"));
        var verdict = arrived < TimeSpan.FromSeconds(30) ? "< 30 s target" : "over the 30 s target";
        Console.WriteLine(F($"ingest: {mails} mails ({attachmentBytes / 1024} KB PDF each) APPENDed → all accepted in {arrived.TotalSeconds:0.0} s ({rate:0} mails/s, {verdict}), {standIn.Repeated} repeated"));
        return standIn.Repeated == 0 ? 0 : 1;
    }

    private static WebApplication BuildListener(string postgres, int imapPort, Uri standIn)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + ServiceNames.EmailListenerDb] = postgres,
            ["Mcs:ApiKey"] = "bench-api-key-" + Guid.NewGuid().ToString("N"),
            ["Orchestrator:BaseUrl"] = standIn.ToString(),
            ["EmailListener:OwnDomains:0"] = "mcs.local",
            ["EmailListener:Mailboxes:0:Name"] = Mailbox,
            ["EmailListener:Mailboxes:0:Host"] = "127.0.0.1",
            ["EmailListener:Mailboxes:0:Port"] = imapPort.ToString(CultureInfo.InvariantCulture),
            ["EmailListener:Mailboxes:0:Username"] = User,
            ["EmailListener:Mailboxes:0:Password"] = Password,
            ["EmailListener:Mailboxes:0:Security"] = "None",
            ["EmailListener:Mailboxes:0:Folder"] = "INBOX",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{LocalServerProcess.FreePort()}");
        builder.AddServiceDefaults();
        builder.AddEmailListener();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapEmailListenerEndpoints();
        return app;
    }

    private static async Task<TimeSpan> WaitForAcceptedRecordsAsync(string postgres, int expected, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(cancellationToken);
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await using var command = new NpgsqlCommand("select count(*) from email_records where status = 'accepted'", connection);
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! >= expected)
            {
                break;
            }
            await Task.Delay(100, cancellationToken);
        }
        return clock.Elapsed;
    }

    private static async Task<string> StatusCountsAsync(string postgres, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select status, count(*) from email_records group by status order by status", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parts = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parts.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        }
        return string.Join(", ", parts);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
