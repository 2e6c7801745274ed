using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace Mcs.Tests.Integration;

/// <summary>
/// Stops, starts and kills the AppHost's resources the way an operator (dashboard stop/start) or a crash would.
/// </summary>
public static class ResourceControl
{
    public static readonly TimeSpan HealthyTimeout = TimeSpan.FromMinutes(3);

    public static async Task StopAsync(AppHostFixture fixture, string resource)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        using var timeout = new CancellationTokenSource(HealthyTimeout);
        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        if (!result.Success)
        {
            // DCP gives a graceful stop a few seconds; on a loaded machine a service may not make it. Down is down.
            await KillAsync(fixture, resource);
            return;
        }
        await fixture.App.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, timeout.Token);
    }

    /// <summary>Starts a stopped (or crashed) resource again and waits until its health checks pass.</summary>
    public static async Task StartAsync(AppHostFixture fixture, string resource)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        using var timeout = new CancellationTokenSource(HealthyTimeout);
        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(result.Success, $"starting {resource} failed: {result.Message}");
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    /// <summary>
    /// SIGKILL for the resource's process and everything under it: Aspire starts a project through <c>dotnet run</c>,
    /// so the service itself is a child of the recorded pid. No shutdown hook runs, as in a real crash.
    /// </summary>
    public static async Task KillAsync(AppHostFixture fixture, string resource)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        // A stop that reported failure may already have ended the process; that is fine.
        KillTree(fixture.CurrentProcessId(resource));
        using var timeout = new CancellationTokenSource(HealthyTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, timeout.Token);
    }

    /// <summary>SIGKILL for <paramref name="pid"/> and its descendants; a process already gone is not an error.</summary>
    public static void KillTree(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}
