using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mcs.EmailListener.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or the app's configuration.</summary>
public sealed class EmailListenerDesignTimeFactory : IDesignTimeDbContextFactory<EmailListenerDbContext>
{
    public EmailListenerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EmailListenerDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
