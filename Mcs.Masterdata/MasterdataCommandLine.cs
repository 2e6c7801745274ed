using Mcs.Masterdata.Data;
using Mcs.Masterdata.Import;
using Mcs.ServiceDefaults;
using Mcs.ServiceDefaults.Schema;

namespace Mcs.Masterdata;

/// <summary>
/// <c>dotnet run --project Mcs.Masterdata -- import &lt;folder&gt;</c>: migrates, imports every .csv/.xlsx of the folder
/// (all or nothing) and exits; without it the service runs. Connection strings come from the usual configuration.
/// </summary>
public sealed record MasterdataCommandLine(string? ImportFolder, string[] HostArgs)
{
    public static MasterdataCommandLine Parse(string[] args) =>
        args is ["import", var folder, .. var rest] ? new(folder, rest) : new(null, args);

    public static async Task<int> RunImportAsync(WebApplication app, string folder)
    {
        await app.Services.GetRequiredService<MigrationsBeforeTraffic<MasterdataDbContext>>().MigrateAsync(CancellationToken.None);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<MasterdataImporter>();
        try
        {
            var report = await importer.ImportAsync(await SampleDataSeeder.ReadFolderAsync(Path.GetFullPath(folder), CancellationToken.None), CancellationToken.None);
            Console.WriteLine($"Imported {report.Rows} rows: {report.Companies} companies, {report.Customers} customers, {report.Contacts} contacts, " +
                $"{report.Products} products, {report.PartNumbers} customer part numbers. Master data version {report.Version}.");
            return 0;
        }
        catch (McsException e)
        {
            Console.Error.WriteLine($"Import failed ({e.Code}): {e.Message}");
            foreach (var (field, messages) in e.Errors ?? new Dictionary<string, string[]>())
            {
                Console.Error.WriteLine($"  {field}: {string.Join("; ", messages)}");
            }
            return 1;
        }
    }
}
