using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mcs.Mocks.Smtp;

/// <summary>
/// What the SMTP sink has received, oldest first, until cleared; the newest <see cref="MocksOptions.SmtpRetainedMessages"/>
/// only, so a load run (one notification per run) does not grow the stand-in without end.
/// </summary>
public sealed class SmtpSinkInbox(IOptions<MocksOptions> options)
{
    private readonly ConcurrentQueue<SmtpSinkMessage> _messages = new();
    private readonly int _capacity = options.Value.SmtpRetainedMessages;

    public void Add(SmtpSinkMessage message)
    {
        _messages.Enqueue(message);
        while (_messages.Count > _capacity && _messages.TryDequeue(out _))
        {
            // the oldest message leaves the inbox
        }
    }

    public IReadOnlyList<SmtpSinkMessage> All() => [.. _messages];

    public void Clear() => _messages.Clear();
}
