namespace Mcs.EmailListener.Imap;

public enum MailboxSecurity
{
    None,
    SslOnConnect,
    StartTls,
}
