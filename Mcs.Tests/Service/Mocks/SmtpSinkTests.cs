using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mcs.Tests.Service.Mocks;

public sealed class SmtpSinkTests(MocksFixture fixture) : IClassFixture<MocksFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_message_sent_with_mailkit_is_kept_with_its_parts_and_can_be_cleared()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("MCS", "mcs@ours.example"));
        message.To.Add(new MailboxAddress("王销售", "sales@ours.example"));
        message.Bcc.Add(new MailboxAddress("Audit", "audit@ours.example"));
        message.Subject = "订单已创建 / Order created SO-1";
        message.Body = new BodyBuilder { TextBody = "订单 SO-1 已创建", HtmlBody = "<p>订单 <b>SO-1</b> 已创建</p>" }.ToMessageBody();
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", fixture.Server.SmtpPort, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }
        using var admin = fixture.Server.Http();

        var kept = JsonNode.Parse(await admin.GetStringAsync("/_mock/smtp/messages"))!["items"]!.AsArray().Single()!;
        using var cleared = await admin.DeleteAsync("/_mock/smtp/messages");
        var after = JsonNode.Parse(await admin.GetStringAsync("/_mock/smtp/messages"))!["items"]!.AsArray();

        Assert.Equal("mcs@ours.example", kept["from"]!.GetValue<string>());
        Assert.Equal(["sales@ours.example", "audit@ours.example"], kept["to"]!.AsArray().Select(to => to!.GetValue<string>()));
        Assert.Equal("订单已创建 / Order created SO-1", kept["subject"]!.GetValue<string>());
        Assert.Contains("订单 SO-1 已创建", kept["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("<b>SO-1</b>", kept["html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.Parse(kept["received_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Empty(after);
    }
}
