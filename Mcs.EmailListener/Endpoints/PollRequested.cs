namespace Mcs.EmailListener.Endpoints;

/// <summary>Answer of <c>POST /v1/email/poll</c>: the mailboxes whose watchers were woken.</summary>
public sealed record PollRequested(IReadOnlyList<string> Mailboxes);
