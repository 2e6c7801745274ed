using System.Globalization;
using System.Text;

namespace Mcs.AppHost.Local;

/// <summary>
/// Local mode's Dovecot: folder layout, mail users and configuration (IMAP only, plaintext on loopback, passwd-file
/// users, maildir). One source for the AppHost and the test servers (tests/Mcs.LocalServers links this file), so tests
/// run the Dovecot users get.
/// </summary>
internal static class DovecotConfig
{
    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates <c>run/</c>, <c>state/</c> and <c>mail/</c> under <paramref name="root"/>.</summary>
    public static void CreateFolders(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "run"));
        Directory.CreateDirectory(Path.Combine(root, "state"));
        var mail = Directory.CreateDirectory(MailFolder(root)).FullName;
        if (IsRoot && !OperatingSystem.IsWindows())
        {
            // As root the mail belongs to nobody (see UserLine), which must be able to write here.
            File.SetUnixFileMode(mail, (UnixFileMode)Convert.ToInt32("1777", 8));
        }
    }

    /// <param name="root">Folder of <see cref="CreateFolders"/>.</param>
    /// <param name="usersFile">The passwd-file of mail users.</param>
    /// <param name="port">IMAP port on 127.0.0.1.</param>
    public static string Build(string root, string usersFile, int port)
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
            .AppendLine(CultureInfo.InvariantCulture, $"passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {usersFile}\n}}")
            .AppendLine(CultureInfo.InvariantCulture, $"userdb {{\n  driver = passwd-file\n  args = username_format=%u {usersFile}\n}}")
            .AppendLine(CultureInfo.InvariantCulture,
                $"service imap-login {{\n  inet_listener imap {{\n    address = 127.0.0.1\n    port = {port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}\n}}");
        if (!IsRoot)
        {
            // Not root: Dovecot's own processes run as the current user instead of the dovenull/dovecot accounts.
            var user = Environment.UserName;
            config.AppendLine(CultureInfo.InvariantCulture, $"default_login_user = {user}\ndefault_internal_user = {user}\ndefault_internal_group = {user}");
        }
        return config.ToString();
    }

    /// <summary>
    /// A passwd-file line for a mail user under <paramref name="root"/>'s <c>mail/</c>. Dovecot refuses uid 0 for mail
    /// users, so as root the mail belongs to nobody (65534), else to the current user.
    /// </summary>
    public static string UserLine(string root, string user, string password)
    {
        var (uid, gid) = IsRoot ? ("65534", "65534") : (CurrentId("Uid"), CurrentId("Gid"));
        return string.Create(CultureInfo.InvariantCulture, $"{user}:{{PLAIN}}{password}:{uid}:{gid}::{Path.Combine(MailFolder(root), user)}\n");
    }

    private static string MailFolder(string root) => Path.Combine(root, "mail");

    // "Uid:\t1000\t1000\t1000\t1000" in /proc/self/status: the real id comes first.
    private static string CurrentId(string field) =>
        File.ReadLines("/proc/self/status").First(line => line.StartsWith(field + ":", StringComparison.Ordinal))
            .Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1];
}
