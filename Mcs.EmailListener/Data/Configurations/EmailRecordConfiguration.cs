using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.EmailListener.Data.Configurations;

public sealed class EmailRecordConfiguration : IEntityTypeConfiguration<EmailRecord>
{
    public void Configure(EntityTypeBuilder<EmailRecord> builder)
    {
        builder.ToTable("email_records");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(r => r.DeliveryId).HasColumnName("delivery_id").HasMaxLength(64);
        builder.Property(r => r.Mailbox).HasColumnName("mailbox").HasMaxLength(64);
        builder.Property(r => r.UidValidity).HasColumnName("uid_validity");
        builder.Property(r => r.Uid).HasColumnName("uid");
        builder.Property(r => r.MessageId).HasColumnName("message_id");
        builder.Property(r => r.DedupeKey).HasColumnName("dedupe_key");
        builder.Property(r => r.RawSha256).HasColumnName("raw_sha256").HasMaxLength(64);
        builder.Property(r => r.Raw).HasColumnName("raw");
        builder.Property(r => r.EventJson).HasColumnName("event_json");
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(16)
            .HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<EmailRecordStatus>(s, true));
        builder.Property(r => r.Reason).HasColumnName("reason");
        builder.Property(r => r.Attempts).HasColumnName("attempts");
        builder.Property(r => r.ReceivedAt).HasColumnName("received_at");
        builder.Property(r => r.RecordedAt).HasColumnName("recorded_at");
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(r => r.ClaimedUntil).HasColumnName("claimed_until");
        builder.Property(r => r.AcceptedAt).HasColumnName("accepted_at");
        builder.Property(r => r.RunId).HasColumnName("run_id").HasMaxLength(64);
        builder.Property(r => r.MailboxActionPending).HasColumnName("mailbox_action_pending");

        builder.HasIndex(r => r.DeliveryId).IsUnique();
        // One record per IMAP message; webhook deliveries have no UID (NULLs are distinct, so they never collide).
        builder.HasIndex(r => new { r.Mailbox, r.UidValidity, r.Uid }).IsUnique();
        builder.HasIndex(r => new { r.Mailbox, r.RawSha256 });
        builder.HasIndex(r => new { r.Status, r.NextAttemptAt });
        builder.HasIndex(r => new { r.Mailbox, r.MailboxActionPending }).HasFilter("mailbox_action_pending");
    }
}
