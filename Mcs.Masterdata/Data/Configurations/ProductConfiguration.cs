using Mcs.Masterdata.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Masterdata.Data.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<ProductEntity>
{
    public void Configure(EntityTypeBuilder<ProductEntity> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(p => p.Sku).HasColumnName("sku").HasMaxLength(64);
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(256);
        builder.Property(p => p.Aliases).HasColumnName("aliases");
        builder.Property(p => p.Unit).HasColumnName("unit").HasMaxLength(32);
        builder.Property(p => p.UnitPrice).HasColumnName("unit_price").HasPrecision(18, 2);
        builder.Property(p => p.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(p => p.Status).HasColumnName("status").HasMaxLength(16);
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.HasMany(p => p.PartNumbers).WithOne().HasForeignKey(n => n.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
