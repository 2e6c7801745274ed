namespace Mcs.EmailListener.Imap;

/// <summary>One message as fetched from the mailbox: its UID (under the folder's UIDVALIDITY) and its raw bytes.</summary>
public sealed record RawMail(long Uid, byte[] Raw);
