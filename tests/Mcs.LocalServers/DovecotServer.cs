using Mcs.AppHost.Local;

namespace Mcs.LocalServers;

/// <summary>
/// A real Dovecot IMAP server on a free loopback port, configured as the AppHost's local mode runs it: passwd-file
/// users, maildir, plaintext on loopback. Killed and its folder deleted on dispose.
/// </summary>
public sealed class DovecotServer : FolderServer
{
    private readonly string _users;

    private DovecotServer(LocalServerProcess process, string root, string users)
        : base(process, root, deleteOnDispose: true) => _users = users;

    /// <summary>Starts Dovecot with no users, in a fresh folder under <paramref name="parentFolder"/>.</summary>
    public static async Task<DovecotServer> StartAsync(string parentFolder)
    {
        var root = Path.Combine(parentFolder, $"dovecot-{Guid.NewGuid():N}"[..24]);
        DovecotConfig.CreateFolders(root);
        var users = Path.Combine(root, "users");
        await File.WriteAllTextAsync(users, "");
        var port = LocalServerProcess.FreePort();
        var configPath = Path.Combine(root, "dovecot.conf");
        await File.WriteAllTextAsync(configPath, DovecotConfig.Build(root, users, port));
        var process = LocalServerProcess.Start("/usr/sbin/dovecot", ["-F", "-c", configPath], port);
        await LocalServerProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        return new DovecotServer(process, root, users);
    }

    /// <summary>Adds a mail user (Dovecot re-reads the passwd file when it changes).</summary>
    public Task CreateUserAsync(string user, string password) => File.AppendAllTextAsync(_users, DovecotConfig.UserLine(Root, user, password));
}
