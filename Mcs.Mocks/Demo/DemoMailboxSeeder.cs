using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Demo;

/// <summary>Appends the demo mails to the demo mailbox on the first start, retrying until the IMAP server answers.</summary>
public sealed partial class DemoMailboxSeeder(
    IOptions<DemoMailboxOptions> options, IOptions<MocksOptions> mocks, TimeProvider clock, ILogger<DemoMailboxSeeder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        var marker = Path.Combine(mocks.Value.DataDirectory, "demo-mailbox-seeded");
        if (!demo.Enabled || File.Exists(marker))
        {
            return;
        }
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var count = await AppendAsync(demo, stoppingToken);
                Directory.CreateDirectory(mocks.Value.DataDirectory);
                await File.WriteAllTextAsync(marker, clock.GetUtcNow().ToString("O"), stoppingToken);
                LogSeeded(logger, count, demo.Folder);
                return;
            }
            catch (Exception ex) when (ex is IOException or ImapProtocolException or ImapCommandException or System.Net.Sockets.SocketException or AuthenticationException)
            {
                LogRetry(logger, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), clock, stoppingToken);
            }
        }
    }

    private async Task<int> AppendAsync(DemoMailboxOptions demo, CancellationToken cancellationToken)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(demo.Host, demo.Port, SecureSocketOptions.None, cancellationToken);
        await client.AuthenticateAsync(demo.Username, demo.Password, cancellationToken);
        var folder = await client.GetFolderAsync(demo.Folder, cancellationToken);
        var mails = DemoMails.All(clock.GetUtcNow());
        foreach (var mail in mails)
        {
            await folder.AppendAsync(mail, MessageFlags.None, cancellationToken);
        }
        await client.DisconnectAsync(true, cancellationToken);
        return mails.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mailbox seeded with {Count} mails in {Folder}")]
    private static partial void LogSeeded(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mailbox not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);
}
