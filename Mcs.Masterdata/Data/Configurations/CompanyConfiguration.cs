using Mcs.Masterdata.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Masterdata.Data.Configurations;

public sealed class CompanyConfiguration : IEntityTypeConfiguration<CompanyEntity>
{
    public void Configure(EntityTypeBuilder<CompanyEntity> builder)
    {
        builder.ToTable("companies");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(c => c.Code).HasColumnName("code").HasMaxLength(64);
        builder.Property(c => c.Name).HasColumnName("name").HasMaxLength(256);
        builder.Property(c => c.Aliases).HasColumnName("aliases");
        builder.Property(c => c.TaxId).HasColumnName("tax_id").HasMaxLength(64);
        builder.Property(c => c.EmailDomains).HasColumnName("email_domains");
        builder.HasIndex(c => c.Code).IsUnique();
    }
}
