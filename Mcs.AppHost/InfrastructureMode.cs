using System.Diagnostics;

namespace Mcs.AppHost;

/// <summary>
/// <c>Mcs:Infrastructure</c> = <c>auto</c> | <c>containers</c> | <c>local</c>. Publish mode always takes containers
/// (the manifest cannot describe executables the AppHost starts itself); auto asks the container CLI, with a 5 s cap.
/// </summary>
public static class InfrastructureMode
{
    public const string ConfigKey = "Mcs:Infrastructure";

    public static bool UseContainers(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return true;
        }
        var mode = builder.Configuration[ConfigKey]?.Trim().ToLowerInvariant() ?? "auto";
        return mode switch
        {
            "containers" => true,
            "local" => false,
            "auto" => ContainerRuntimeAnswers(Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker"),
            _ => throw new InvalidOperationException($"{ConfigKey} must be auto, containers or local; got '{mode}'."),
        };
    }

    private static bool ContainerRuntimeAnswers(string cli)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(cli, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such CLI
        }
    }
}
