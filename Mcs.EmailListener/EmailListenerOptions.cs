using System.ComponentModel.DataAnnotations;
using Mcs.EmailListener.Imap;

namespace Mcs.EmailListener;

/// <summary>Section <c>EmailListener</c>: the mailboxes to watch, our own mail domains and the size limits of a mail.</summary>
public sealed class EmailListenerOptions : IValidatableObject
{
    public const string SectionName = "EmailListener";

    public List<MailboxOptions> Mailboxes { get; set; } = [];

    /// <summary>Our own mail domains: a mail from one of them is internal, so its forwarded sender is looked for.</summary>
    public List<string> OwnDomains { get; set; } = [];

    /// <summary>A larger message is recorded as rejected (<c>message_too_large</c>), never silently skipped.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxMessageBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>An attachment larger than this is listed with <c>omitted_reason</c> and no content.</summary>
    [Range(0, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The total of attachment content carried inline in one <c>EmailEvent</c> (architecture.md: e.g. 25 MB).</summary>
    [Range(0, long.MaxValue)]
    public long MaxInlineAttachmentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The raw message travels as <c>raw_base64</c> up to this size, so any run can be replayed from it.</summary>
    [Range(0, long.MaxValue)]
    public long MaxRawInlineBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>A mailbox not synced for this long makes <c>/v1/healthz</c> degraded (the "silently stopped trigger").</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>IDLE is restarted before the 29-minute server limit and before NAT boxes drop a quiet connection.</summary>
    public TimeSpan IdleRestartInterval { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>Upper bound of the jittered reconnect backoff after a connection or login failure.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a replica that does not own a mailbox tries to take it over.</summary>
    public TimeSpan LeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mailbox in Mailboxes)
        {
            var context = new ValidationContext(mailbox);
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(mailbox, context, results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"Mailboxes[{mailbox.Name}]: {result.ErrorMessage}", result.MemberNames);
                }
            }
            if (!names.Add(mailbox.Name))
            {
                yield return new ValidationResult($"Mailbox name '{mailbox.Name}' is used twice.", [nameof(Mailboxes)]);
            }
            if (mailbox.ActionAfterAccept == MailboxAction.Move && string.IsNullOrWhiteSpace(mailbox.MoveToFolder))
            {
                yield return new ValidationResult($"Mailbox '{mailbox.Name}' moves accepted mail but has no MoveToFolder.", [nameof(MailboxOptions.MoveToFolder)]);
            }
            if (mailbox.Name.Equals(WebhookMailbox.Name, StringComparison.OrdinalIgnoreCase))
            {
                yield return new ValidationResult($"'{WebhookMailbox.Name}' is reserved for mail pushed to the webhook.", [nameof(MailboxOptions.Name)]);
            }
        }
    }
}
