namespace Mcs.EmailListener.Imap;

public interface IMailboxSessionFactory
{
    IMailboxSession Create(MailboxOptions mailbox);
}
