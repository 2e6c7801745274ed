using Mcs.AppHost.Local;

namespace Mcs.Tests.Unit.AppHost;

public class LocalBinariesTests
{
    [Fact]
    public void A_missing_server_binary_stops_the_apphost_with_the_install_command()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalBinaries.Require("/nonexistent/sbin/dovecot", "Dovecot IMAP server"));
        Assert.Contains("Dovecot IMAP server (/nonexistent/sbin/dovecot)", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y postgresql redis-server dovecot-imapd", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mcs:Infrastructure=containers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_installed_postgres_is_found()
    {
        var bin = LocalBinaries.PostgresBinDirectory();
        Assert.True(File.Exists(Path.Combine(bin, "initdb")));
    }
}
