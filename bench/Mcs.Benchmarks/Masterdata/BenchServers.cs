using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mcs.Benchmarks.Masterdata;

/// <summary>
/// A local PostgreSQL (initdb into a temp folder, default durability: fsync on) and a redis-server, both from the
/// machine's Debian binaries on free loopback ports; killed on dispose. A small copy of Mcs.Tests/Support/TestPostgres.
/// </summary>
public sealed class BenchServers : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private string? _root;

    public string PostgresConnectionString { get; private set; } = "";
    public string RedisConnectionString { get; private set; } = "";

    public async Task StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending().First();
        _root = Path.Combine("/var/tmp", $"mcs-bench-{Environment.ProcessId}");
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run(["chown", "-R", "postgres:postgres", _root]);
        }
        Run(Wrap(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8"));
        var pgPort = FreePort();
        Start(Wrap(asRoot, Path.Combine(bin, "postgres"), "-D", data, "-p", pgPort.ToString(CultureInfo.InvariantCulture), "-k", _root,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=256MB"));
        var redisPort = FreePort();
        Start(["/usr/bin/redis-server", "--bind", "127.0.0.1", "--port", redisPort.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"]);
        await WaitForPortAsync(pgPort);
        await WaitForPortAsync(redisPort);
        await Task.Delay(1000); // postgres accepts TCP slightly before it accepts logins
        Run(Wrap(asRoot, Path.Combine(bin, "createdb"), "-h", "127.0.0.1", "-p", pgPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "masterdata"));
        PostgresConnectionString = $"Host=127.0.0.1;Port={pgPort};Username=postgres;Database=masterdata;Maximum Pool Size=50";
        RedisConnectionString = $"127.0.0.1:{redisPort},abortConnect=false";
    }

    public ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        if (_root is not null)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp cleanup.
            }
        }
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
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

    private static string[] Wrap(bool asRoot, params string[] command) =>
        asRoot ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", .. command] : command;

    private void Start(string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static void Run(string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed: {error}");
        }
    }
}
