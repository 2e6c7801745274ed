using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Mcs.Orchestrator.Adapters.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mcs.Tests.Service.Adapters;

/// <summary>Notifications through MailKit into a real SMTP server (the SmtpServer package) on a loopback port.</summary>
public sealed class SmtpNotificationSenderTests : IAsyncLifetime
{
    private readonly RecordingStore _store = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly int _port = LocalServerProcess.FreePort();
    private Task _serverTask = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, _port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _serverTask = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await LocalServerProcess.WaitForPortAsync(_port, TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serverTask.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private SmtpNotificationSender Sender(int? port = null) => new(
        Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port ?? _port, From = "mcs@example.com", Timeout = TimeSpan.FromSeconds(5) }),
        new NotificationTemplates(),
        NullLogger<SmtpNotificationSender>.Instance);

    [Fact]
    public async Task Order_created_is_delivered_in_chinese_with_text_and_html()
    {
        var result = await Sender().SendAsync(Notification(NotificationKind.OrderCreated, NotificationLanguage.Zh), CancellationToken.None);

        Assert.True(result.Sent, result.Error);
        var message = Assert.Single(_store.Messages);
        Assert.Equal("sales@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains("已创建订单 SO-00042", message.Subject, StringComparison.Ordinal);
        Assert.Contains("销售订单 SO-00042 已在 ERP 中创建", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("1,234.50 CNY", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://mcs.example.com/runs/run-1", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_needed_is_delivered_in_english_with_every_reason()
    {
        var notification = Notification(NotificationKind.ReviewNeeded, NotificationLanguage.En) with
        {
            Reasons = ["price_deviation: BRG-6204 +18%", "unknown_product: line 2"],
        };

        var result = await Sender().SendAsync(notification, CancellationToken.None);

        Assert.True(result.Sent, result.Error);
        var message = Assert.Single(_store.Messages);
        Assert.StartsWith("Review needed: 上海某某机械有限公司", message.Subject, StringComparison.Ordinal);
        Assert.Contains("- price_deviation: BRG-6204 +18%", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- unknown_product: line 2", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_escapes_what_came_from_an_email()
    {
        var notification = Notification(NotificationKind.Failed, NotificationLanguage.En) with { EmailSubject = "<script>alert(1)</script>" };

        var result = await Sender().SendAsync(notification, CancellationToken.None);

        Assert.True(result.Sent, result.Error);
        var message = Assert.Single(_store.Messages);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_message_id()
    {
        var sender = Sender();
        var first = await sender.SendAsync(Notification(NotificationKind.Failed, NotificationLanguage.Zh), CancellationToken.None);
        var second = await sender.SendAsync(Notification(NotificationKind.Failed, NotificationLanguage.Zh), CancellationToken.None);

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Contains("订单处理失败", _store.Messages.First().Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relay_that_is_down_is_reported_not_thrown()
    {
        var result = await Sender(LocalServerProcess.FreePort()).SendAsync(Notification(NotificationKind.OrderCreated, NotificationLanguage.Zh), CancellationToken.None);

        Assert.False(result.Sent);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    private static SalesNotification Notification(NotificationKind kind, NotificationLanguage language) => new()
    {
        Kind = kind,
        Language = language,
        To = "sales@example.com",
        RunId = "run-1",
        EmailSubject = "采购合同 HT-2026-0042",
        CustomerName = "上海某某机械有限公司",
        ContractNo = "HT-2026-0042",
        OrderNo = "SO-00042",
        TotalAmount = 1234.5m,
        Currency = "CNY",
        ErrorCode = "dify_unavailable",
        Link = new Uri("https://mcs.example.com/runs/run-1"),
        IdempotencyKey = "lineage-1:notify_sales:" + kind,
    };

    private sealed class RecordingStore : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
