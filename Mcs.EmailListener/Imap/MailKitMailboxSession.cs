using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace Mcs.EmailListener.Imap;

/// <summary>
/// An IMAP session with MailKit, async only. IDLE follows MailKit's sample without its flaws: the event handlers
/// only signal (cancel the "done" token), IDLE is restarted before <c>idleRestart</c> (under the 29-minute limit),
/// and a server without IDLE is polled with NOOP on the poll interval.
/// </summary>
internal sealed class MailKitMailboxSession(MailboxOptions mailbox, TimeSpan idleRestart, TimeProvider time) : IMailboxSession
{
    private readonly ImapClient _client = new();
    private IMailFolder? _folder;
    private CancellationTokenSource? _idleDone;
    private volatile bool _changed;

    public async Task<long> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            _folder = null;
            await _client.ConnectAsync(mailbox.Host, mailbox.Port, ToSocketOptions(mailbox.Security), cancellationToken);
            await _client.AuthenticateAsync(mailbox.Username, mailbox.Password, cancellationToken);
        }
        if (_folder is not { IsOpen: true })
        {
            _folder = await _client.GetFolderAsync(mailbox.Folder, cancellationToken);
            _folder.CountChanged += OnFolderChanged;
            await _folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        }
        else
        {
            // NOOP collects untagged responses (new mail, expunges) the server queued since the last command.
            await _client.NoOpAsync(cancellationToken);
        }
        _changed = false;
        return _folder.UidValidity;
    }

    public async Task<IReadOnlyList<long>> UidsAfterAsync(long lastUid, CancellationToken cancellationToken)
    {
        var folder = OpenFolder();
        var range = new UniqueIdRange(new UniqueId(folder.UidValidity, (uint)lastUid + 1), UniqueId.MaxValue);
        var uids = await folder.SearchAsync(SearchQuery.Uids(range), cancellationToken);
        // "n:*" always includes the highest UID, even when it is below n: filter to what is really new.
        return [.. uids.Select(uid => (long)uid.Id).Where(uid => uid > lastUid).Order()];
    }

    public async Task<IReadOnlyList<RawMail>> FetchRawAsync(IReadOnlyList<long> uids, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return [];
        }
        // One UID FETCH for the whole batch instead of a round trip per message; MailKit hands each body over as it
        // arrives. A UID expunged meanwhile gets no answer, so it is just not in the result.
        var folder = (ImapFolder)OpenFolder();
        var fetched = new List<RawMail>(uids.Count);
        await folder.GetStreamsAsync(
            [.. uids.Select(uid => new UniqueId((uint)uid))],
            async (_, _, uid, stream, ct) =>
            {
                using var buffer = new MemoryStream(stream.CanSeek ? (int)stream.Length : 64 * 1024);
                await stream.CopyToAsync(buffer, ct);
                fetched.Add(new RawMail(uid.Id, buffer.ToArray()));
            },
            cancellationToken);
        return [.. fetched.OrderBy(mail => mail.Uid)];
    }

    public async Task ApplyActionAsync(IReadOnlyList<long> uids, MailboxAction action, string? moveToFolder, CancellationToken cancellationToken)
    {
        var folder = OpenFolder();
        var ids = uids.Select(uid => new UniqueId((uint)uid)).ToList();
        switch (action)
        {
            case MailboxAction.MarkSeen:
                await folder.AddFlagsAsync(ids, MessageFlags.Seen, silent: true, cancellationToken);
                break;
            case MailboxAction.Move:
                var destination = await GetOrCreateFolderAsync(moveToFolder!, cancellationToken);
                await folder.MoveToAsync(ids, destination, cancellationToken);
                break;
        }
    }

    public async Task WaitForChangesAsync(TimeSpan maxWait, CancellationToken wake, CancellationToken cancellationToken)
    {
        if (_changed || wake.IsCancellationRequested)
        {
            return;
        }
        using var done = CancellationTokenSource.CreateLinkedTokenSource(wake);
        if (_client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            done.CancelAfter(maxWait < idleRestart ? maxWait : idleRestart);
            _idleDone = done;
            try
            {
                await _client.IdleAsync(done.Token, cancellationToken);
            }
            finally
            {
                _idleDone = null;
            }
            return;
        }
        using var timer = new CancellationTokenSource(maxWait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, wake, cancellationToken);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval over, or woken: the caller syncs now.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception exception) when (exception is IOException or ImapProtocolException or ImapCommandException or OperationCanceledException)
            {
                // The connection is already broken; nothing to say goodbye to.
            }
        }
        _client.Dispose();
    }

    // Runs on MailKit's reader: only signal, never issue a command from here.
    private void OnFolderChanged(object? sender, EventArgs e)
    {
        _changed = true;
        try
        {
            _idleDone?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // IDLE already ended.
        }
    }

    private IMailFolder OpenFolder() => _folder is { IsOpen: true } folder ? folder : throw new InvalidOperationException("The folder is not open.");

    private async Task<IMailFolder> GetOrCreateFolderAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = _client.GetFolder(_client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"Folder {name} could not be created.");
        }
    }

    private static SecureSocketOptions ToSocketOptions(MailboxSecurity security) => security switch
    {
        MailboxSecurity.None => SecureSocketOptions.None,
        MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
