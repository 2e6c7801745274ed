namespace Mcs.EmailListener;

/// <summary>The mailbox name records of <c>POST /v1/email/webhook</c> carry (they have no UIDVALIDITY/UID).</summary>
public static class WebhookMailbox
{
    public const string Name = "webhook";
}
