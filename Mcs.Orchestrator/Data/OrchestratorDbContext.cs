using System.Text;
using Mcs.Orchestrator.Graph.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mcs.Orchestrator.Data;

/// <summary>
/// The orchestrator's one database (<c>orchestratordb</c>): the graph engine's tables, plus whatever the graphs and
/// the API add. To add a table: a row class, an <c>IEntityTypeConfiguration</c> anywhere in this assembly (picked up
/// by <see cref="ModelBuilder.ApplyConfigurationsFromAssembly"/>), a DbSet here, then a migration. Column names are
/// snake_case by the convention below unless a configuration names them.
/// </summary>
/// <remarks>
/// <c>/work/.tools/dotnet-ef migrations add &lt;Name&gt; --project Mcs.Orchestrator --output-dir Data/Migrations</c>
/// (design time uses <see cref="OrchestratorDbContextFactory"/>, no database needed).
/// </remarks>
public class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options) : DbContext(options)
{
    public DbSet<GraphRunRow> GraphRuns => Set<GraphRunRow>();

    public DbSet<GraphCheckpointRow> GraphCheckpoints => Set<GraphCheckpointRow>();

    public DbSet<GraphAuditRow> GraphAudit => Set<GraphAuditRow>();

    public DbSet<GraphInterruptRow> GraphInterrupts => Set<GraphInterruptRow>();

    public DbSet<SideEffectRow> SideEffects => Set<SideEffectRow>();

    public DbSet<IdempotencyRecordRow> IdempotencyRecords => Set<IdempotencyRecordRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrchestratorDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }
        }
    }

    private static string ToSnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
