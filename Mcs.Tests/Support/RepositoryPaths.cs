namespace Mcs.Tests.Support;

/// <summary>Paths in the checkout the tests run from (found by walking up to Mcs.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release), read from the output path.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mcs.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Mcs.sln not found above " + AppContext.BaseDirectory);
    }
}
