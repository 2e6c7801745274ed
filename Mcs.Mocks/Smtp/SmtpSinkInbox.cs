using System.Collections.Concurrent;

namespace Mcs.Mocks.Smtp;

/// <summary>What the SMTP sink has received, oldest first, until cleared.</summary>
public sealed class SmtpSinkInbox
{
    private readonly ConcurrentQueue<SmtpSinkMessage> _messages = new();

    public void Add(SmtpSinkMessage message) => _messages.Enqueue(message);

    public IReadOnlyList<SmtpSinkMessage> All() => [.. _messages];

    public void Clear() => _messages.Clear();
}
