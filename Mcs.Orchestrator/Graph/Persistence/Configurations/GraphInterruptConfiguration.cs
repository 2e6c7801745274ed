using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Orchestrator.Graph.Persistence.Configurations;

internal sealed class GraphInterruptConfiguration : IEntityTypeConfiguration<GraphInterruptRow>
{
    public void Configure(EntityTypeBuilder<GraphInterruptRow> builder)
    {
        builder.ToTable("graph_interrupt", t => t.HasCheckConstraint("ck_graph_interrupt_status", "status in ('open','resolved','cancelled')"));
        builder.HasKey(i => i.InterruptId);
        builder.Property(i => i.Payload).HasColumnType("jsonb").IsRequired();
        builder.Property(i => i.Decision).HasColumnType("jsonb");
        builder.HasIndex(i => i.RunId).IsUnique().HasFilter("status = 'open'").HasDatabaseName("ux_graph_interrupt_open");
        builder.HasIndex(i => new { i.Status, i.CreatedAt }).HasDatabaseName("ix_graph_interrupt_status");
        builder.HasOne<GraphRunRow>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
