namespace Mcs.EmailListener.Mime;

/// <summary>Why a mail was recorded as rejected instead of handed over (stored in <c>email_records.reason</c>).</summary>
public static class RejectionReasons
{
    public const string MessageTooLarge = "message_too_large";
    public const string NoSender = "no_sender";
    public const string Unparseable = "unparseable";
}
