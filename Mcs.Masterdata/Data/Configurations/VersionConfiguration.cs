using Mcs.Masterdata.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Masterdata.Data.Configurations;

public sealed class VersionConfiguration : IEntityTypeConfiguration<VersionEntity>
{
    public void Configure(EntityTypeBuilder<VersionEntity> builder)
    {
        builder.ToTable("masterdata_version");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(v => v.Version).HasColumnName("version");
        builder.Property(v => v.ChangedAt).HasColumnName("changed_at");
        builder.HasData(new VersionEntity { Id = VersionEntity.SingletonId, Version = 0, ChangedAt = DateTimeOffset.UnixEpoch });
    }
}
