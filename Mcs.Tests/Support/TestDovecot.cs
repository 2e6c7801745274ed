using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Mcs.Tests.Support;

/// <summary>
/// A real Dovecot IMAP server per test class (the AppHost's local-mode config: passwd-file users, maildir, plaintext
/// on loopback), with helpers to create users, APPEND mail and delete + recreate a folder (new UIDVALIDITY).
/// </summary>
public sealed class TestDovecot : IAsyncDisposable
{
    private readonly DovecotServer _server;

    private TestDovecot(DovecotServer server) => _server = server;

    public int Port => _server.Port;

    public string Root => _server.Root;

    public static async Task<TestDovecot> StartAsync() => new(await DovecotServer.StartAsync(TestRoot.Path));

    /// <summary>Adds a mail user (Dovecot re-reads the passwd file when it changes).</summary>
    public Task CreateUserAsync(string user, string password) => _server.CreateUserAsync(user, password);

    public async Task<ImapClient> ConnectAsync(string user, string password)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        return client;
    }

    /// <summary>APPENDs raw messages to a folder (created if missing) and returns their UIDs.</summary>
    public async Task<IReadOnlyList<uint>> AppendAsync(string user, string password, string folder, params byte[][] messages)
    {
        using var client = await ConnectAsync(user, password);
        var target = await GetOrCreateFolderAsync(client, folder);
        var uids = new List<uint>();
        foreach (var raw in messages)
        {
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream);
            uids.Add(await AppendWithRetryAsync(client, target, folder, message));
        }
        await client.DisconnectAsync(true);
        return uids;
    }

    /// <summary>Deletes the folder and creates it again: the server gives it a new UIDVALIDITY.</summary>
    public async Task RecreateFolderAsync(string user, string password, string folder)
    {
        using var client = await ConnectAsync(user, password);
        var existing = await client.GetFolderAsync(folder);
        await existing.DeleteAsync();
        await GetOrCreateFolderAsync(client, folder);
        await client.DisconnectAsync(true);
    }

    /// <summary>UID and flags of every message of a folder (empty when the folder does not exist).</summary>
    public async Task<IReadOnlyList<(uint Uid, MessageFlags Flags)>> ListAsync(string user, string password, string folder)
    {
        using var client = await ConnectAsync(user, password);
        IMailFolder target;
        try
        {
            target = await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
        await target.OpenAsync(FolderAccess.ReadOnly);
        var summaries = target.Count == 0 ? [] : await target.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags);
        await client.DisconnectAsync(true);
        return [.. summaries.Select(s => (s.UniqueId.Id, s.Flags ?? MessageFlags.None))];
    }

    public async Task<uint> UidValidityAsync(string user, string password, string folder)
    {
        using var client = await ConnectAsync(user, password);
        var target = await client.GetFolderAsync(folder);
        await target.StatusAsync(StatusItems.UidValidity);
        await client.DisconnectAsync(true);
        return target.UidValidity;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // Right after a delete + create, Dovecot may answer "Mailbox was deleted under us" once; the next try succeeds.
    private static async Task<uint> AppendWithRetryAsync(ImapClient client, IMailFolder target, string folder, MimeMessage message)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var uid = await target.AppendAsync(new AppendRequest(message, MessageFlags.None));
                return uid?.Id ?? 0;
            }
            catch (ImapCommandException) when (attempt < 10)
            {
                await Task.Delay(100);
                target = await GetOrCreateFolderAsync(client, folder);
            }
        }
    }

    private static async Task<IMailFolder> GetOrCreateFolderAsync(ImapClient client, string folder)
    {
        if (folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase))
        {
            return client.Inbox;
        }
        try
        {
            return await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return (await root.CreateAsync(folder, true))!;
        }
    }
}
