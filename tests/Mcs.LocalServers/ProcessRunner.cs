using System.Diagnostics;

namespace Mcs.LocalServers;

/// <summary>Runs a short setup command (initdb, chown, id) to its end.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs the command; throws with its stderr when it exits non-zero. Returns its stdout.</summary>
    public static string Run(params string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {command[0]}");
        // Read stderr on the side, so a command that fills one pipe while we wait on the other cannot hang.
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed: {error.Result}");
        }
        return output;
    }

    public static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Still held or not ours; left for the machine's clean-up of /var/tmp.
        }
    }
}
