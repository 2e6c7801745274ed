using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.EmailListener.Data.Configurations;

public sealed class MailboxSyncStateConfiguration : IEntityTypeConfiguration<MailboxSyncState>
{
    public void Configure(EntityTypeBuilder<MailboxSyncState> builder)
    {
        builder.ToTable("mailbox_sync_states");
        builder.HasKey(s => s.Mailbox);
        builder.Property(s => s.Mailbox).HasColumnName("mailbox").HasMaxLength(64);
        builder.Property(s => s.UidValidity).HasColumnName("uid_validity");
        builder.Property(s => s.LastUid).HasColumnName("last_uid");
        builder.Property(s => s.LastSyncedAt).HasColumnName("last_synced_at");
    }
}
