using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mcs.Orchestrator.Adapters.Smtp;

/// <summary>
/// Sends notifications through MailKit, one connection per message (they are rare). Every failure — rendering,
/// connecting, authenticating, the relay refusing — is returned, logged and never thrown into the order path.
/// </summary>
public sealed partial class SmtpNotificationSender(
    IOptions<SmtpOptions> options,
    NotificationTemplates templates,
    ILogger<SmtpNotificationSender> logger) : INotificationSender
{
    private readonly SmtpOptions _options = options.Value;

    public async Task<NotificationResult> SendAsync(SalesNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        try
        {
            var rendered = await templates.RenderAsync(notification);
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(_options.FromName, _options.From));
            message.To.Add(MailboxAddress.Parse(notification.To));
            message.Subject = rendered.Subject;
            // A stable Message-ID per effect lets a relay or a mail client recognise a resend as the same mail.
            message.MessageId = notification.IdempotencyKey is { } key
                ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + "@mcs.local"
                : MimeKit.Utils.MimeUtils.GenerateMessageId();
            message.Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody();

            using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
            await client.ConnectAsync(_options.Host, _options.Port, Enum.Parse<SecureSocketOptions>(_options.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(_options.Username))
            {
                await client.AuthenticateAsync(_options.Username, _options.Password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            SmtpLog.Sent(logger, notification.Kind, notification.RunId);
            return NotificationResult.Success(message.MessageId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Deliberately broad: a notification must never fail the order it reports on.
            SmtpLog.Failed(logger, notification.Kind, notification.RunId, exception.GetType().Name, exception.Message);
            return NotificationResult.Failure($"{exception.GetType().Name}: {exception.Message}");
        }
    }
}
