using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Orchestrator.Graph.Persistence.Configurations;

internal sealed class GraphAuditConfiguration : IEntityTypeConfiguration<GraphAuditRow>
{
    public void Configure(EntityTypeBuilder<GraphAuditRow> builder)
    {
        builder.ToTable("graph_audit");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Output).HasColumnType("jsonb");
        builder.Property(a => a.Data).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.RunId, a.Id }).HasDatabaseName("ix_graph_audit_run");
    }
}
