using System.Globalization;
using System.Text;

namespace Mcs.AppHost.Local;

/// <summary>
/// The Dovecot configuration of local mode: IMAP only, plaintext on loopback, passwd-file users, maildir. One source
/// for the AppHost and the test servers (tests/Mcs.LocalServers links this file), so tests run the Dovecot users get.
/// </summary>
internal static class DovecotConfig
{
    /// <param name="root">Folder holding <c>run/</c> and <c>state/</c>.</param>
    /// <param name="usersFile">The passwd-file of mail users.</param>
    /// <param name="port">IMAP port on 127.0.0.1.</param>
    /// <param name="serviceUser">
    /// When not root: the account Dovecot's own processes run as, instead of the dovenull/dovecot accounts. Null as root.
    /// </param>
    public static string Build(string root, string usersFile, int port, string? serviceUser)
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
        if (serviceUser is not null)
        {
            config.AppendLine(CultureInfo.InvariantCulture,
                $"default_login_user = {serviceUser}\ndefault_internal_user = {serviceUser}\ndefault_internal_group = {serviceUser}");
        }
        return config.ToString();
    }

    /// <summary>A passwd-file line; Dovecot refuses uid 0 for mail users, so as root the mail belongs to nobody (65534).</summary>
    public static string UserLine(string user, string password, string uid, string gid, string maildirParent) =>
        string.Create(CultureInfo.InvariantCulture, $"{user}:{{PLAIN}}{password}:{uid}:{gid}::{Path.Combine(maildirParent, user)}\n");
}
