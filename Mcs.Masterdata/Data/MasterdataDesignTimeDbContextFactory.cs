using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mcs.Masterdata.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or the app's configuration.</summary>
public sealed class MasterdataDesignTimeDbContextFactory : IDesignTimeDbContextFactory<MasterdataDbContext>
{
    public MasterdataDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MasterdataDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
