using System.Globalization;
using System.Text;

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
        await File.WriteAllTextAsync(configPath, Config(root, users, port, asRoot));
        var process = LocalServerProcess.Start("/usr/sbin/dovecot", ["-F", "-c", configPath], port);
        await LocalServerProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        return new DovecotServer(process, root, users);
    }

    /// <summary>Adds a mail user (Dovecot re-reads the passwd file when it changes).</summary>
    public async Task CreateUserAsync(string user, string password)
    {
        var (uid, gid) = Environment.UserName == "root" ? ("65534", "65534") : (Id("-u"), Id("-g"));
        await File.AppendAllTextAsync(_users, $"{user}:{{PLAIN}}{password}:{uid}:{gid}::{Path.Combine(Root, "mail", user)}\n");
    }

    private static string Config(string root, string users, int port, bool asRoot)
    {
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
            // Not root: Dovecot's own processes run as the current user instead of the dovenull/dovecot accounts.
            var user = Environment.UserName;
            config.AppendLine(CultureInfo.InvariantCulture, $"default_login_user = {user}\ndefault_internal_user = {user}\ndefault_internal_group = {user}");
        }
        return config.ToString();
    }

    private static string Id(string flag) => ProcessRunner.Run("id", flag).Trim();
}
