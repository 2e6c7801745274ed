using Mcs.Tests.Support;

namespace Mcs.Tests.Service.EmailListener;

/// <summary>One Dovecot per test class; every test gets its own mail user, so tests never see each other's mail.</summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    public TestDovecot Dovecot { get; private set; } = null!;

    public async Task<(string User, string Password)> NewUserAsync()
    {
        var user = "u" + Guid.NewGuid().ToString("N")[..12];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await Dovecot.CreateUserAsync(user, password);
        return (user, password);
    }

    public async Task InitializeAsync() => Dovecot = await TestDovecot.StartAsync();

    public async Task DisposeAsync() => await Dovecot.DisposeAsync();
}
