using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mcs.Orchestrator.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a database or the host.</summary>
public sealed class OrchestratorDbContextFactory : IDesignTimeDbContextFactory<OrchestratorDbContext>
{
    public OrchestratorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OrchestratorDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
