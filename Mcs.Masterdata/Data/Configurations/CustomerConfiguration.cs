using Mcs.Masterdata.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Masterdata.Data.Configurations;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<CustomerEntity>
{
    public void Configure(EntityTypeBuilder<CustomerEntity> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(c => c.CustomerNum).HasColumnName("customer_num").HasMaxLength(64);
        builder.Property(c => c.Name).HasColumnName("name").HasMaxLength(256);
        builder.Property(c => c.Aliases).HasColumnName("aliases");
        builder.Property(c => c.EmailDomains).HasColumnName("email_domains");
        builder.Property(c => c.TaxId).HasColumnName("tax_id").HasMaxLength(64);
        builder.Property(c => c.SalesOwnerEmail).HasColumnName("sales_owner_email").HasMaxLength(254);
        builder.Property(c => c.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(c => c.PaymentTerms).HasColumnName("payment_terms").HasMaxLength(256);
        builder.Property(c => c.Status).HasColumnName("status").HasMaxLength(16);
        builder.HasIndex(c => c.CustomerNum).IsUnique();
    }
}
