using System.Diagnostics;

namespace Mcs.AppHost.Local;

/// <summary>Runs a set-up command (initdb, chown) to completion and fails loudly with its output.</summary>
public static class ProcessRunner
{
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    /// <summary>Makes a folder owned by the given user (root only; elsewhere the folder is already ours).</summary>
    public static async Task EnsureOwnedFolderAsync(string path, string user, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        if (LocalBinaries.IsRoot)
        {
            await RunAsync("chown", ["-R", $"{user}:{user}", path], cancellationToken);
        }
    }
}
