namespace Mcs.EmailListener.Imap;

/// <summary>
/// One connection to one mailbox folder. Messages are addressed by UID under the folder's UIDVALIDITY, never by
/// index. IMAP (MailKit) is the implementation today; Exchange / Microsoft 365 (Graph) can be added behind it.
/// </summary>
public interface IMailboxSession : IAsyncDisposable
{
    /// <summary>Connects and opens the folder if needed, and returns its current UIDVALIDITY.</summary>
    Task<long> OpenAsync(CancellationToken cancellationToken);

    /// <summary>UIDs above <paramref name="lastUid"/>, ascending.</summary>
    Task<IReadOnlyList<long>> UidsAfterAsync(long lastUid, CancellationToken cancellationToken);

    /// <summary>
    /// The raw messages, byte for byte as the server stores them, in one round trip, ascending by UID; a message
    /// expunged meanwhile is simply absent.
    /// </summary>
    Task<IReadOnlyList<RawMail>> FetchRawAsync(IReadOnlyList<long> uids, CancellationToken cancellationToken);

    Task ApplyActionAsync(IReadOnlyList<long> uids, MailboxAction action, string? moveToFolder, CancellationToken cancellationToken);

    /// <summary>Waits until the server reports new mail (IDLE), <paramref name="wake"/> fires, or <paramref name="maxWait"/> passes.</summary>
    Task WaitForChangesAsync(TimeSpan maxWait, CancellationToken wake, CancellationToken cancellationToken);
}
