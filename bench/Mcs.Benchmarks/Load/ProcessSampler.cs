using System.Globalization;
using System.Text;

namespace Mcs.Benchmarks.Load;

/// <summary>
/// CPU time and resident memory of the running system's processes, read from /proc. The system is found from the
/// process listening on the orchestrator's port: walking up to its ancestor running Mcs.AppHost — across DCP, whose
/// processes detach from the AppHost and name the process they belong to with <c>--monitor &lt;pid&gt;</c> — then
/// every descendant of the AppHost and of the topmost DCP process, so other MCS instances are not counted. Without an
/// AppHost, the listener's parent and its descendants.
/// </summary>
public sealed class ProcessSampler
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly int[] _rootPids;

    private ProcessSampler(int[] rootPids) => _rootPids = rootPids;

    public static ProcessSampler? ForPort(int port)
    {
        if (!OperatingSystem.IsLinux() || ListenerPid(port) is not { } pid)
        {
            return null;
        }
        int? detachedDcp = null;
        for (var current = pid; current > 1;)
        {
            var command = CommandLine(current);
            if (command.Contains("Mcs.AppHost", StringComparison.Ordinal))
            {
                return new ProcessSampler(detachedDcp is { } dcp ? [current, dcp] : [current]);
            }
            // `dcp run-controllers --monitor <dcp server>`, `dcp start-apiserver --monitor <AppHost>`: follow the chain.
            if (MonitoredPid(command) is { } monitored)
            {
                detachedDcp = current;
                current = monitored;
            }
            else
            {
                current = ParentOf(current);
            }
        }
        return new ProcessSampler([ParentOf(pid)]);
    }

    private static int? MonitoredPid(string command)
    {
        var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(parts, "--monitor");
        return parts.Length > 0 && parts[0].EndsWith("/dcp", StringComparison.Ordinal) && at >= 0 && at + 1 < parts.Length
            && int.TryParse(parts[at + 1], CultureInfo.InvariantCulture, out var monitored)
                ? monitored
                : null;
    }

    /// <summary>Per label (service or server name): total CPU seconds so far, resident MB now, process count.</summary>
    public Dictionary<string, (double CpuSeconds, double RssMb, int Processes)> Sample()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var pid in AllPids())
        {
            var parent = ParentOf(pid);
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }
            list.Add(pid);
        }
        var result = new Dictionary<string, (double, double, int)>(StringComparer.Ordinal);
        var pending = new Stack<int>(_rootPids);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                pending.Push(child);
            }
            if (Read(pid) is not { } usage)
            {
                continue;
            }
            var label = Label(pid);
            var (cpu, rss, count) = result.GetValueOrDefault(label);
            result[label] = (cpu + usage.CpuSeconds, rss + usage.RssMb, count + 1);
        }
        return result;
    }

    private static string Label(int pid)
    {
        var command = CommandLine(pid);
        if (command.StartsWith("dotnet run ", StringComparison.Ordinal))
        {
            return "dotnet run (launchers)"; // DCP starts each project through `dotnet run`; counted apart from the service
        }
        foreach (var service in new[] { "Mcs.AppHost", "Mcs.Orchestrator", "Mcs.Masterdata", "Mcs.EmailListener", "Mcs.Mocks", "Aspire.Dashboard" })
        {
            if (command.Contains(service, StringComparison.Ordinal))
            {
                return service;
            }
        }
        var comm = SafeRead($"/proc/{pid}/comm").Trim();
        return comm switch
        {
            _ when comm.StartsWith("postgres", StringComparison.Ordinal) || command.Contains("postgres", StringComparison.Ordinal) => "postgres",
            _ when comm.StartsWith("redis", StringComparison.Ordinal) => "redis-server",
            _ when comm.StartsWith("dovecot", StringComparison.Ordinal) || comm is "imap" or "imap-login" or "auth" or "anvil" or "log" or "config" or "stats" => "dovecot",
            _ => comm,
        };
    }

    private static (double CpuSeconds, double RssMb)? Read(int pid)
    {
        var stat = SafeRead($"/proc/{pid}/stat");
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }
        // Fields after "(comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based), so 11–14 after
        // the state. The children's share matters: PostgreSQL backends (and a restarted service) exit during a window,
        // and their CPU then moves into the parent that reaped them; without it the total drops and can go negative.
        var fields = stat[(close + 2)..].Split(' ');
        var ticks = fields[11..15].Sum(field => long.Parse(field, CultureInfo.InvariantCulture));
        var rssLine = SafeRead($"/proc/{pid}/status").Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var rssKb = rssLine is null ? 0 : long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (ticks / TicksPerSecond, rssKb / 1024.0);
    }

    private static int? ListenerPid(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in SafeRead(table).Split('\n').Skip(1))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 9 && parts[1].EndsWith(":" + hexPort, StringComparison.Ordinal) && parts[3] == "0A")
                {
                    inodes.Add($"socket:[{parts[9]}]");
                }
            }
        }
        foreach (var pid in AllPids())
        {
            try
            {
                foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target))
                    {
                        return pid;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended or is not ours.
            }
        }
        return null;
    }

    private static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n is not null && n.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture));

    private static int ParentOf(int pid)
    {
        var line = SafeRead($"/proc/{pid}/status").Split('\n').FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
        return line is null ? 0 : int.Parse(line[5..].Trim(), CultureInfo.InvariantCulture);
    }

    private static string CommandLine(int pid) => SafeRead($"/proc/{pid}/cmdline").Replace('\0', ' ');

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
