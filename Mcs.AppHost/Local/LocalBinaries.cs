namespace Mcs.AppHost.Local;

/// <summary>
/// Finds the Debian server binaries the local mode runs. A missing binary is a clear error naming the apt command,
/// raised before anything starts (the README's run command installs them when it runs as root).
/// </summary>
public static class LocalBinaries
{
    public const string InstallHint = "apt-get install -y postgresql redis-server dovecot-imapd";

    public static bool IsRoot => Environment.UserName == "root";

    public static string PostgresBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw Missing("PostgreSQL server (postgres, initdb under /usr/lib/postgresql/*/bin)");
    }

    public static string Require(string path, string what) => File.Exists(path) ? path : throw Missing($"{what} ({path})");

    private static InvalidOperationException Missing(string what) => new(
        $"Local infrastructure mode needs the {what}, which is not installed. " +
        (IsRoot ? $"Run: {InstallHint}" : $"Ask an administrator to run: sudo {InstallHint}") +
        " — or run with Mcs:Infrastructure=containers on a machine with a container engine.");
}
