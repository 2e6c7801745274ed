using Mcs.Contracts.Email;

namespace Mcs.EmailListener.Mime;

/// <summary>
/// The outcome of parsing one raw message: an <see cref="EmailEvent"/> (without <c>raw_base64</c>, which is added
/// from the stored raw bytes when dispatched), or a rejection with a stable reason. Identity is known either way.
/// </summary>
public sealed record ParsedMail(string RawSha256, string DedupeKey, string? MessageId, EmailEvent? Event, string? RejectionReason)
{
    public bool IsRejected => Event is null;
}
