using System.Security.Cryptography;
using MimeKit;

namespace Mcs.EmailListener.Mime;

/// <summary>The identity rules of architecture.md ("Identity of a mail"): normalized Message-ID plus sender, else the raw hash.</summary>
public static class MailIdentity
{
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Header unfolded, trimmed, angle brackets removed, lower-cased; null when absent or empty.</summary>
    public static string? NormalizeMessageId(string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return null;
        }
        var unfolded = headerValue.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();
        var normalized = unfolded.Trim('<', '>', ' ', '\t').ToLowerInvariant();
        return normalized.Length == 0 ? null : normalized;
    }

    public static string? MessageIdOf(MimeMessage message) => NormalizeMessageId(message.Headers[HeaderId.MessageId]);

    public static string DedupeKey(string? messageId, string? senderAddress, string rawSha256) =>
        messageId is null ? "sha256:" + rawSha256 : messageId + "|" + (senderAddress ?? "").Trim().ToLowerInvariant();
}
