namespace Mcs.EmailListener.Imap;

/// <summary>What happens to a mail in its IMAP folder after the orchestrator accepted it.</summary>
public enum MailboxAction
{
    None,
    MarkSeen,
    Move,
}
