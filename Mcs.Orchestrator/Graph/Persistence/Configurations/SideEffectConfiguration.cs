using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Orchestrator.Graph.Persistence.Configurations;

internal sealed class SideEffectConfiguration : IEntityTypeConfiguration<SideEffectRow>
{
    public void Configure(EntityTypeBuilder<SideEffectRow> builder)
    {
        builder.ToTable("side_effect", t => t.HasCheckConstraint("ck_side_effect_status", "status in ('started','succeeded','unknown','failed')"));
        builder.HasKey(e => e.EffectKey);
        builder.Property(e => e.Response).HasColumnType("jsonb");
        builder.HasIndex(e => e.RunId).HasDatabaseName("ix_side_effect_run");
    }
}
