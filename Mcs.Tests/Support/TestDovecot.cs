using System.Globalization;
using System.Text;
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
    private readonly LocalServerProcess _server;
    private readonly string _users;

    private TestDovecot(LocalServerProcess server, string root, string users)
    {
        _server = server;
        Root = root;
        _users = users;
    }

    public int Port => _server.Port;

    public string Root { get; }

    public static async Task<TestDovecot> StartAsync()
    {
        var root = Path.Combine("/var/tmp/mcs-tests", $"dovecot-{Guid.NewGuid():N}"[..24]);
        var mail = Path.Combine(root, "mail");
        Directory.CreateDirectory(Path.Combine(root, "run"));
        Directory.CreateDirectory(Path.Combine(root, "state"));
        Directory.CreateDirectory(mail);
        var asRoot = Environment.UserName == "root";
        if (asRoot && !OperatingSystem.IsWindows())
        {
            // Dovecot refuses uid 0 for mail users: mail is owned by nobody (65534), which must be able to write here.
            File.SetUnixFileMode(mail, (UnixFileMode)Convert.ToInt32("1777", 8));
        }
        var users = Path.Combine(root, "users");
        await File.WriteAllTextAsync(users, "");
        var port = LocalServerProcess.FreePort();
        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"base_dir = {Path.Combine(root, "run")}")
            .AppendLine(CultureInfo.InvariantCulture, $"state_dir = {Path.Combine(root, "state")}")
            .AppendLine("log_path = /dev/stderr")
            .AppendLine("protocols = imap")
            .AppendLine("listen = 127.0.0.1")
            .AppendLine("ssl = no")
            .AppendLine("disable_plaintext_auth = no")
            .AppendLine("auth_mechanisms = plain login")
            .AppendLine("mail_location = maildir:~/Maildir")
            .AppendLine(CultureInfo.InvariantCulture, $"passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {users}\n}}")
            .AppendLine(CultureInfo.InvariantCulture, $"userdb {{\n  driver = passwd-file\n  args = username_format=%u {users}\n}}")
            .AppendLine(CultureInfo.InvariantCulture, $"service imap-login {{\n  inet_listener imap {{\n    address = 127.0.0.1\n    port = {port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}\n}}");
        if (!asRoot)
        {
            var user = Environment.UserName;
            config.AppendLine(CultureInfo.InvariantCulture, $"default_login_user = {user}\ndefault_internal_user = {user}\ndefault_internal_group = {user}");
        }
        var configPath = Path.Combine(root, "dovecot.conf");
        await File.WriteAllTextAsync(configPath, config.ToString());
        var server = LocalServerProcess.Start("/usr/sbin/dovecot", ["-F", "-c", configPath], port);
        await LocalServerProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(15));
        return new TestDovecot(server, root, users);
    }

    /// <summary>Adds a mail user (Dovecot re-reads the passwd file when it changes).</summary>
    public async Task CreateUserAsync(string user, string password)
    {
        var (uid, gid) = Environment.UserName == "root" ? ("65534", "65534") : (Id("-u"), Id("-g"));
        await File.AppendAllTextAsync(_users, $"{user}:{{PLAIN}}{password}:{uid}:{gid}::{Path.Combine(Root, "mail", user)}\n");
    }

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

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next clean-up of /var/tmp/mcs-tests.
        }
    }

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

    private static string Id(string flag)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("id", flag) { RedirectStandardOutput = true })!;
        var id = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return id;
    }
}
