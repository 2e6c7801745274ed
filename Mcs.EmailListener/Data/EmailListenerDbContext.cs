using Microsoft.EntityFrameworkCore;

namespace Mcs.EmailListener.Data;

/// <summary>The listener's store: email records (with the raw mail and the outbox state) and mailbox watermarks.</summary>
/// <remarks>
/// Migrations: <c>/work/.tools/dotnet-ef migrations add &lt;Name&gt; --project Mcs.EmailListener --output-dir Data/Migrations</c>
/// (no database needed: <see cref="EmailListenerDesignTimeFactory"/>).
/// </remarks>
public sealed class EmailListenerDbContext(DbContextOptions<EmailListenerDbContext> options) : DbContext(options)
{
    public DbSet<EmailRecord> EmailRecords => Set<EmailRecord>();

    public DbSet<MailboxSyncState> MailboxSyncStates => Set<MailboxSyncState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EmailListenerDbContext).Assembly);
    }
}
