using System.ComponentModel.DataAnnotations;

namespace Mcs.EmailListener.Imap;

/// <summary>One IMAP mailbox the listener watches (an item of <c>EmailListener:Mailboxes</c>).</summary>
public sealed class MailboxOptions
{
    /// <summary>The stable name of the mailbox; records and the sync watermark are keyed by it.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._@-]{1,64}$")]
    public string Name { get; set; } = "";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    [Required]
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    public MailboxSecurity Security { get; set; } = MailboxSecurity.SslOnConnect;

    [Required]
    public string Folder { get; set; } = "INBOX";

    /// <summary>How often to look for mail when the server has no IDLE, and the longest IDLE before a safety re-sync.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>What to do with a mail once the orchestrator accepted it (never before).</summary>
    public MailboxAction ActionAfterAccept { get; set; } = MailboxAction.None;

    public string? MoveToFolder { get; set; }
}
