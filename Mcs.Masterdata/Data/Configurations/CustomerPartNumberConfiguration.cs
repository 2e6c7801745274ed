using Mcs.Masterdata.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Masterdata.Data.Configurations;

public sealed class CustomerPartNumberConfiguration : IEntityTypeConfiguration<CustomerPartNumberEntity>
{
    public void Configure(EntityTypeBuilder<CustomerPartNumberEntity> builder)
    {
        builder.ToTable("customer_part_numbers");
        builder.HasKey(n => new { n.ProductId, n.CustomerId, n.PartNo });
        builder.Property(n => n.ProductId).HasColumnName("product_id").HasMaxLength(64);
        builder.Property(n => n.CustomerId).HasColumnName("customer_id").HasMaxLength(64);
        builder.Property(n => n.PartNo).HasColumnName("part_no").HasMaxLength(128);
        builder.HasIndex(n => n.CustomerId);
        // A part number means nothing without its customer: deleting the customer removes them.
        builder.HasOne<CustomerEntity>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
