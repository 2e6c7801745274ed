using System.Diagnostics;
using Mcs.Tests.Support;

namespace Mcs.Tests.Unit.AppHost;

public class ManifestTests
{
    /// <summary>
    /// azd deploys from the committed aspire-manifest.json, so it must match what the AppHost publishes now. The fresh
    /// manifest is written to the same path (project paths in it are relative to the file); on a difference the file
    /// in the work tree is the new one, ready to review and commit.
    /// </summary>
    [Fact]
    public async Task Committed_manifest_matches_a_freshly_published_one()
    {
        var path = Path.Combine(RepositoryPaths.Root, "aspire-manifest.json");
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", RepositoryPaths.Configuration, "--project", "Mcs.AppHost", "--",
                     "--publisher", "manifest", "--output-path", path })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"manifest publish failed: {await output}{await error}");

        var fresh = await File.ReadAllTextAsync(path);
        Assert.True(committed == fresh, "aspire-manifest.json is out of date: the fresh manifest was written over it; review and commit it.");
    }
}
