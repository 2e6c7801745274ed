using Mcs.Masterdata.Writes;
using Mcs.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Mcs.Masterdata.Import;

/// <summary>
/// Loads the shipped sample data set into an empty database (version 0). Two replicas starting together cannot both
/// load it: the import applies only on top of version 0, so the second finds version 1 and skips.
/// </summary>
public sealed class SampleDataSeeder(MasterdataImporter importer, MasterdataStore store, IOptions<MasterdataOptions> options, MasterdataLog log)
{
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var version = await store.CurrentVersionAsync(cancellationToken);
        if (version != 0)
        {
            log.SampleDataSkipped(version);
            return;
        }
        var folder = Path.GetFullPath(options.Value.SampleDataPath, AppContext.BaseDirectory);
        try
        {
            var report = await importer.ImportAsync(await ReadFolderAsync(folder, cancellationToken), cancellationToken, onlyIfVersion: 0);
            log.SampleDataSeeded(folder, report.Version, report.Rows);
        }
        catch (McsException e) when (e.Code == ErrorCodes.Conflict)
        {
            log.SampleDataSkipped(await store.CurrentVersionAsync(cancellationToken));
        }
    }

    /// <summary>Every .csv and .xlsx file of a folder, as the import takes them.</summary>
    public static async Task<List<(string FileName, byte[] Content)>> ReadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Import folder not found: {folder}");
        }
        var files = new List<(string, byte[])>();
        foreach (var path in Directory.EnumerateFiles(folder).Where(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            files.Add((Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken)));
        }
        return files;
    }
}
