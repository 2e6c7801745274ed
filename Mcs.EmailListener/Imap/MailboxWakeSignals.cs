using System.Collections.Concurrent;

namespace Mcs.EmailListener.Imap;

/// <summary>
/// Per-mailbox "sync now" signals: <c>POST /v1/email/poll</c> and accepted mail with a pending mailbox action cut
/// a watcher's IDLE or poll wait short.
/// </summary>
public sealed class MailboxWakeSignals
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _sources = new(StringComparer.Ordinal);

    /// <summary>The token the watcher of <paramref name="mailbox"/> waits on; cancelled by the next <see cref="Wake"/>.</summary>
    public CancellationToken Current(string mailbox) => _sources.GetOrAdd(mailbox, _ => new CancellationTokenSource()).Token;

    public void Wake(string mailbox)
    {
        if (_sources.TryRemove(mailbox, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }
}
