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
        var configPath = Path.Combine(root, "dovecot.conf");
        // Not root: Dovecot's own processes run as the current user instead of the dovenull/dovecot accounts.
        await File.WriteAllTextAsync(configPath, DovecotConfig.Build(root, users, port, asRoot ? null : Environment.UserName));
        var process = LocalServerProcess.Start("/usr/sbin/dovecot", ["-F", "-c", configPath], port);
        await LocalServerProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        return new DovecotServer(process, root, users);
    }

    /// <summary>Adds a mail user (Dovecot re-reads the passwd file when it changes).</summary>
    public async Task CreateUserAsync(string user, string password)
    {
        var (uid, gid) = Environment.UserName == "root" ? ("65534", "65534") : (Id("-u"), Id("-g"));
        await File.AppendAllTextAsync(_users, DovecotConfig.UserLine(user, password, uid, gid, Path.Combine(Root, "mail")));
    }

    private static string Id(string flag) => ProcessRunner.Run("id", flag).Trim();
}
