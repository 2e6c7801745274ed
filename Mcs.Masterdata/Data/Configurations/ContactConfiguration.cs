using Mcs.Masterdata.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcs.Masterdata.Data.Configurations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<ContactEntity>
{
    public void Configure(EntityTypeBuilder<ContactEntity> builder)
    {
        builder.ToTable("contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(c => c.CustomerId).HasColumnName("customer_id").HasMaxLength(64);
        builder.Property(c => c.Name).HasColumnName("name").HasMaxLength(256);
        builder.Property(c => c.Email).HasColumnName("email").HasMaxLength(254);
        // Lower-cased copy: the unique index makes "A@x.com" and "a@x.com" the same contact.
        builder.Property(c => c.EmailKey).HasColumnName("email_key").HasMaxLength(254);
        builder.Property(c => c.Phone).HasColumnName("phone").HasMaxLength(64);
        builder.Property(c => c.Title).HasColumnName("title").HasMaxLength(128);
        builder.HasIndex(c => c.EmailKey).IsUnique();
        builder.HasIndex(c => c.CustomerId);
        // A customer with contacts cannot be deleted by accident: the delete is refused (409), not cascaded.
        builder.HasOne<CustomerEntity>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
