using Microsoft.Extensions.Options;

namespace Mcs.EmailListener.Imap;

public sealed class MailKitMailboxSessionFactory(IOptions<EmailListenerOptions> options, TimeProvider time) : IMailboxSessionFactory
{
    public IMailboxSession Create(MailboxOptions mailbox) => new MailKitMailboxSession(mailbox, options.Value.IdleRestartInterval, time);
}
