namespace Mcs.Tests.Support;

/// <summary>Finds Mcs.Tests/TestData from the test binaries, so sample files need no copy step in the project file.</summary>
public static class TestDataFiles
{
    public static string Directory(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Mcs.Tests", "TestData", relative);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"Mcs.Tests/TestData/{relative} not found above {AppContext.BaseDirectory}");
    }

    public static byte[] Eml(string name) => File.ReadAllBytes(Path.Combine(Directory("eml"), name));
}
