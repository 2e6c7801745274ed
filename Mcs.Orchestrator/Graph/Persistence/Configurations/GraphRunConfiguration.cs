using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Orchestrator.Graph.Persistence.Configurations;

internal sealed class GraphRunConfiguration : IEntityTypeConfiguration<GraphRunRow>
{
    public void Configure(EntityTypeBuilder<GraphRunRow> builder)
    {
        builder.ToTable("graph_run", t => t.HasCheckConstraint("ck_graph_run_status",
            "status in ('pending','running','interrupted','blocked','succeeded','failed','cancelled')"));
        builder.HasKey(r => r.RunId);
        builder.Property(r => r.GraphName).IsRequired();
        builder.Property(r => r.BusinessKey).IsRequired();
        builder.Property(r => r.Status).IsRequired();
        builder.Property(r => r.FencingToken).HasDefaultValue(0L);
        // One run per business key among root runs; forks share the key (graph-engine.md §4.3).
        builder.HasIndex(r => new { r.GraphName, r.BusinessKey }).IsUnique().HasFilter("parent_run_id is null")
            .HasDatabaseName("ux_graph_run_business_key");
        // The claim query: claimable runs in order of last change.
        builder.HasIndex(r => r.UpdatedAt).HasFilter("status in ('pending','running')").HasDatabaseName("ix_graph_run_claimable");
        builder.HasIndex(r => new { r.CreatedAt, r.RunId }).HasDatabaseName("ix_graph_run_created");
        builder.HasIndex(r => r.LineageId).HasDatabaseName("ix_graph_run_lineage");
    }
}
