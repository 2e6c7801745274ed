using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mcs.Benchmarks.Ingest;

/// <summary>
/// A real Dovecot IMAP server on a free loopback port (passwd-file user, maildir, plaintext on loopback), as the
/// AppHost's local mode runs it; killed and deleted on dispose. A small copy of Mcs.Tests/Support/TestDovecot.
/// </summary>
public sealed class BenchDovecot : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _root;

    private BenchDovecot(Process process, string root, int port)
    {
        _process = process;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public static async Task<BenchDovecot> StartAsync(string user, string password)
    {
        var root = Path.Combine("/var/tmp", $"mcs-bench-dovecot-{Environment.ProcessId}");
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
        var (uid, gid) = asRoot ? ("65534", "65534") : (Id("-u"), Id("-g"));
        var users = Path.Combine(root, "users");
        await File.WriteAllTextAsync(users, $"{user}:{{PLAIN}}{password}:{uid}:{gid}::{Path.Combine(mail, user)}\n");
        var port = FreePort();
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
            var name = Environment.UserName;
            config.AppendLine(CultureInfo.InvariantCulture, $"default_login_user = {name}\ndefault_internal_user = {name}\ndefault_internal_group = {name}");
        }
        var configPath = Path.Combine(root, "dovecot.conf");
        await File.WriteAllTextAsync(configPath, config.ToString());
        var info = new ProcessStartInfo("/usr/sbin/dovecot") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-F", "-c", configPath })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync(port);
        return new BenchDovecot(process, root, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string Id(string flag)
    {
        using var process = Process.Start(new ProcessStartInfo("id", flag) { RedirectStandardOutput = true })!;
        var id = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return id;
    }
}
