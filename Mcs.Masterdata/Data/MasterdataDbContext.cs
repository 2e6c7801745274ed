using Mcs.Masterdata.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Mcs.Masterdata.Data;

/// <summary>The master data tables and the version row.</summary>
/// <remarks>
/// New migration: <c>/work/.tools/dotnet-ef migrations add &lt;Name&gt; --project Mcs.Masterdata --output-dir Data/Migrations</c>
/// (no database needed: <see cref="MasterdataDesignTimeDbContextFactory"/>).
/// </remarks>
public sealed class MasterdataDbContext(DbContextOptions<MasterdataDbContext> options) : DbContext(options)
{
    public DbSet<CompanyEntity> Companies => Set<CompanyEntity>();
    public DbSet<CustomerEntity> Customers => Set<CustomerEntity>();
    public DbSet<ContactEntity> Contacts => Set<ContactEntity>();
    public DbSet<ProductEntity> Products => Set<ProductEntity>();
    public DbSet<CustomerPartNumberEntity> PartNumbers => Set<CustomerPartNumberEntity>();
    public DbSet<VersionEntity> Versions => Set<VersionEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MasterdataDbContext).Assembly);
}
