namespace Mcs.EmailListener;

/// <summary>Stable error codes of the listener's API (docs/errors.md, section Mcs.EmailListener).</summary>
public static class EmailListenerErrorCodes
{
    public const string EmptyMessage = "empty_message";
    public const string EmailRejected = "email_rejected";
    public const string UnknownMailbox = "unknown_mailbox";
    public const string InvalidQuery = "invalid_query";
}
