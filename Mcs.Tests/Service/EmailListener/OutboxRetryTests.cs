using Mcs.EmailListener;
using Mcs.EmailListener.Data;
using Mcs.EmailListener.Imap;
using Mcs.EmailListener.Mime;
using Mcs.EmailListener.Outbox;
using Mcs.EmailListener.Recording;
using Mcs.ServiceDefaults;
using Mcs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mcs.Tests.Service.EmailListener;

/// <summary>The outbox against real PostgreSQL and a stand-in run endpoint, with time simulated by FakeTimeProvider.</summary>
public sealed class OutboxRetryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private StandInRunEndpoint _orchestrator = null!;
    private ServiceProvider _services = null!;

    [Fact]
    public async Task OrchestratorDownForAnHour_LosesNothing_BacksOff_AndDrainsOnceWhenBack()
    {
        _orchestrator.StatusCode = 503;
        var deliveries = await RecordAsync(10);

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(1); elapsed += TimeSpan.FromSeconds(10))
        {
            await Processor.DispatchDueAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        var down = await RecordsAsync();
        Assert.All(down, r => Assert.Equal(EmailRecordStatus.Failed, r.Status));
        Assert.All(down, r => Assert.Equal("http_503 service_unavailable", r.Reason));
        // Exponential backoff capped at 5 minutes: about 8 quick attempts then one per ~5 minutes, not one per tick.
        Assert.All(down, r => Assert.InRange(r.Attempts, 12, 30));
        Assert.Empty(_orchestrator.Accepted);

        _orchestrator.StatusCode = 202;
        _time.Advance(TimeSpan.FromMinutes(6));
        await Processor.DispatchDueAsync(CancellationToken.None);
        await Processor.DispatchDueAsync(CancellationToken.None);

        var up = await RecordsAsync();
        Assert.All(up, r => Assert.Equal(EmailRecordStatus.Accepted, r.Status));
        Assert.All(up, r => Assert.Equal("run-" + r.DeliveryId, r.RunId));
        Assert.Equal(deliveries.Order(), _orchestrator.Accepted.Select(e => e.DeliveryId).Order());
    }

    [Theory]
    [InlineData(400, EmailRecordStatus.Rejected)]
    [InlineData(422, EmailRecordStatus.Rejected)]
    [InlineData(408, EmailRecordStatus.Failed)]
    [InlineData(429, EmailRecordStatus.Failed)]
    [InlineData(500, EmailRecordStatus.Failed)]
    [InlineData(200, EmailRecordStatus.Accepted)]
    [InlineData(202, EmailRecordStatus.Accepted)]
    public async Task Answer_DecidesBetweenAcceptedRejectedAndRetried(int status, EmailRecordStatus expected)
    {
        _orchestrator.StatusCode = status;
        await RecordAsync(1);

        await Processor.DispatchDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));
        await Processor.DispatchDueAsync(CancellationToken.None);

        var record = Assert.Single(await RecordsAsync());
        Assert.Equal(expected, record.Status);
        // A rejection is final: it is not posted again.
        Assert.Equal(expected == EmailRecordStatus.Failed ? 2 : 1, _orchestrator.Received.Count);
        if (expected == EmailRecordStatus.Rejected)
        {
            Assert.StartsWith($"http_{status}", record.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OrchestratorUnreachable_IsRetried()
    {
        // Nothing listens on the stand-in's port any more: connection refused.
        await _orchestrator.DisposeAsync();
        await RecordAsync(1);

        await Processor.DispatchDueAsync(CancellationToken.None);

        var record = Assert.Single(await RecordsAsync());
        Assert.Equal(EmailRecordStatus.Failed, record.Status);
        Assert.StartsWith("connection", record.Reason, StringComparison.Ordinal);
        _orchestrator = await StandInRunEndpoint.StartAsync();
    }

    private OutboxProcessor Processor => _services.GetRequiredService<OutboxProcessor>();

    private async Task<List<string>> RecordAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = _services.CreateAsyncScope();
            var raw = TestMails.PurchaseOrder(i);
            var deliveryId = MailDelivery.NewDeliveryId();
            var parsed = scope.ServiceProvider.GetRequiredService<EmailEventFactory>().Parse(raw, new MailDelivery(deliveryId, WebhookMailbox.Name, null, null, _time.GetUtcNow()));
            await scope.ServiceProvider.GetRequiredService<MailRecorder>().RecordWebhookAsync(raw, parsed, deliveryId, CancellationToken.None);
            ids.Add(deliveryId);
        }
        return ids;
    }

    private async Task<List<EmailRecord>> RecordsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailListenerDbContext>().EmailRecords.AsNoTracking().ToListAsync();
    }

    public async Task InitializeAsync()
    {
        _orchestrator = await StandInRunEndpoint.StartAsync();
        var connectionString = await TestPostgres.CreateDatabaseAsync("outbox");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(_time);
        services.AddDbContext<EmailListenerDbContext>(o => o.UseNpgsql(connectionString));
        services.AddSingleton(Options.Create(new EmailListenerOptions()));
        services.AddSingleton(Options.Create(new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromMinutes(5) }));
        // The stand-in may be restarted on another port, so the client resolves its address per request.
        services.AddSingleton(_ => new OrchestratorClient(new HttpClient(new RedirectingHandler(() => _orchestrator.BaseUrl)) { BaseAddress = new Uri("http://orchestrator/") },
            Options.Create(new McsApiKeyOptions { ApiKey = TestKeys.ApiKey })));
        services.AddSingleton<EmailEventFactory>();
        services.AddSingleton<EmailListenerMetrics>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MailboxWakeSignals>();
        services.AddScoped<MailRecorder>();
        services.AddSingleton<OutboxProcessor>();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailListenerDbContext>().Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _orchestrator.DisposeAsync();
    }

    private sealed class RedirectingHandler(Func<string> baseUrl) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(new Uri(baseUrl()), request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
