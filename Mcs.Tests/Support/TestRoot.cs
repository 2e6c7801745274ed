namespace Mcs.Tests.Support;

/// <summary>
/// The folder every server a test starts lives under. <c>./test.sh</c> gives each run its own (MCS_TEST_ROOT), so it
/// can end and remove exactly what its run left behind without touching a test run beside it.
/// </summary>
public static class TestRoot
{
    public const string Variable = "MCS_TEST_ROOT";

    public static string Path { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } root ? root : "/var/tmp/mcs-tests";
}
