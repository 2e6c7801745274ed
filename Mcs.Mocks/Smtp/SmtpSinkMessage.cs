namespace Mcs.Mocks.Smtp;

/// <summary>
/// A message the SMTP sink received. <see cref="From"/> is the header From address (the envelope sender when the
/// header has none); <see cref="To"/> the envelope recipients, which include Cc and Bcc.
/// </summary>
public sealed record SmtpSinkMessage
{
    public required string Id { get; init; }
    public required string From { get; init; }
    public required IReadOnlyList<string> To { get; init; }
    public required string Subject { get; init; }
    public string? Text { get; init; }
    public string? Html { get; init; }
    public string? MessageId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
}
