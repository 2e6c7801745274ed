namespace Mcs.Mocks.Demo;

/// <summary>
/// <c>Mocks:DemoMailbox</c>: when enabled, the stand-in puts the demo mails into this IMAP mailbox once (a marker file
/// in the data directory remembers it), so a second start neither repeats nor loses them.
/// </summary>
public sealed class DemoMailboxOptions
{
    public const string SectionName = "Mocks:DemoMailbox";

    public bool Enabled { get; set; }
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 143;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
}
