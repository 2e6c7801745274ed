namespace Mcs.Tests.Service.Mocks;

/// <summary>One Mcs.Mocks per test class; tests reset it through the admin API before use.</summary>
public sealed class MocksFixture : IAsyncLifetime
{
    public MocksServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // A short ping interval so the "slow" scenario shows its keep-alives within a test's time.
        Server = MocksServer.Start(pingIntervalMs: 200);
        return Task.CompletedTask;
    }

    public async Task ResetAsync()
    {
        using var client = Server.Http();
        using var response = await client.PostAsync("/_mock/reset", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
