using System.Diagnostics;

namespace Mcs.Tests.Integration;

/// <summary>
/// Starts its own AppHost (not the shared one) so it can stop it and prove that every process the run started —
/// PostgreSQL, Redis, Dovecot, the services — is gone, by process id (another MCS may run on the same machine).
/// Same collection as the shared AppHost so the two never start at once on a 2-core machine.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "Integration")]
public class AppHostCleanupTests
{
    [Fact(Timeout = AppHostFixture.TestTimeoutMs)]
    public async Task Stopping_the_apphost_leaves_no_process_it_started()
    {
        var fixture = new AppHostFixture();
        await fixture.InitializeAsync();
        var pids = fixture.ProcessIds;
        Assert.True(pids.Count >= 7, $"expected the servers and services to be tracked, saw {pids.Count} pids");
        Assert.All(pids, pid => Assert.True(IsAlive(pid), $"pid {pid} should run while the AppHost runs"));

        await fixture.DisposeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (pids.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.DoesNotContain(pids, IsAlive);
        Assert.False(Directory.Exists(fixture.DataRoot) && Process.GetProcesses().Any(p => CommandLine(p.Id).Contains(fixture.DataRoot, StringComparison.Ordinal)));
    }

    private static bool IsAlive(int pid)
    {
        // A zombie has exited; only a process with a live state counts.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }
        try
        {
            var fields = File.ReadAllText(stat);
            var state = fields[(fields.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
