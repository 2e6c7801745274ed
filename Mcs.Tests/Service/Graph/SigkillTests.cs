using System.Diagnostics;
using Mcs.Orchestrator.Graph;
using Mcs.Tests.GraphCrashHost;
using Npgsql;

namespace Mcs.Tests.Service.Graph;

/// <summary>graph-engine.md §5 test 1, with a real process: SIGKILL between the ERP call and the commit.</summary>
public sealed class SigkillTests
{
    [Fact]
    public async Task A_child_killed_with_sigkill_after_the_erp_call_leaves_a_run_that_finishes_with_one_order()
    {
        await using var harness = await EngineHarness.CreateAsync("engine_sigkill");
        await harness.ExecuteAsync(CrashHostGraph.CreateErpTable);
        await using var erp = NpgsqlDataSource.Create(harness.ConnectionString);
        harness.Graphs.Add(CrashHostGraph.Build(erp));
        var start = await harness.Replica("acceptor").Engine.StartRunAsync(CrashHostGraph.Name, "mail-sigkill", new CrashState(), null, CancellationToken.None);

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Mcs.Tests.GraphCrashHost.dll"), harness.ConnectionString, "after_effect_call" })
        {
            info.ArgumentList.Add(argument);
        }
        using var child = Process.Start(info)!;
        try
        {
            string? line;
            do
            {
                line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            while (line is not null && line != "after_effect_call");
            Assert.Equal("after_effect_call", line);
        }
        finally
        {
            child.Kill(); // SIGKILL on Linux: no finally blocks, no flush, no lease release in the child
            await child.WaitForExitAsync();
        }
        Assert.Equal(137, child.ExitCode);
        Assert.Equal(1L, await harness.ScalarAsync<long>("select count(*) from fake_erp_order"));
        Assert.Equal(1, await harness.ScalarAsync<int>("select step from graph_run"));

        // The child held a real-time lease; the restarted replica's clock is past it.
        harness.Clock.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
        await harness.Replica("restarted").DrainAsync();

        var engine = harness.Replica("reader").Engine;
        Assert.Equal(RunLifecycle.Succeeded, (await engine.GetRunAsync(start.RunId, CancellationToken.None))!.Status);
        Assert.Equal(1L, await harness.ScalarAsync<long>("select count(*) from fake_erp_order"));
        Assert.Equal("succeeded", await harness.ScalarAsync<string>("select status from side_effect"));
        var completed = (await engine.GetAuditAsync(start.RunId, CancellationToken.None)).Single(a => a is { Node: "create_order", Kind: "node_completed" });
        Assert.Equal(2, completed.Attempt);
        Assert.True(completed.Data!.Value.GetProperty("reconciled").GetBoolean());
        Assert.Equal("child", await harness.ScalarAsync<string>("select data->>'previous_owner' from graph_audit where kind = 'lease_taken_over'"));
    }
}
