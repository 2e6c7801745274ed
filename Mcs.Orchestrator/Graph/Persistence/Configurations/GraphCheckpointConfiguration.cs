using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Orchestrator.Graph.Persistence.Configurations;

internal sealed class GraphCheckpointConfiguration : IEntityTypeConfiguration<GraphCheckpointRow>
{
    public void Configure(EntityTypeBuilder<GraphCheckpointRow> builder)
    {
        builder.ToTable("graph_checkpoint");
        // (run_id, step) unique: a step commits exactly once.
        builder.HasKey(c => new { c.RunId, c.Step });
        builder.Property(c => c.State).HasColumnType("jsonb").IsRequired();
        builder.HasOne<GraphRunRow>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
