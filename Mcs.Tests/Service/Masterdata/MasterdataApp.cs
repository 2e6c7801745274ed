using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mcs.Contracts;
using Mcs.Contracts.MasterData;
using Mcs.Masterdata;
using Mcs.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mcs.Tests.Service.Masterdata;

/// <summary>
/// Mcs.Masterdata in-process on a real PostgreSQL database and (optionally) a real Redis. Two instances on the same
/// database and Redis behave like two replicas.
/// </summary>
public sealed class MasterdataApp(string database, string? redis, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<MasterdataMarker>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:" + ServiceNames.MasterdataDb, database);
        if (redis is not null)
        {
            builder.UseSetting("ConnectionStrings:" + ServiceNames.Redis, redis);
        }
        builder.UseSetting("Mcs:ApiKey", TestKeys.ApiKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Client()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.ApiKey);
        return client;
    }

    public async Task<long> VersionAsync()
    {
        using var client = Client();
        return (await client.GetFromJsonAsync<MasterDataVersion>("/v1/masterdata/version", McsJson.Options))!.Version;
    }

    public async Task<MasterDataSnapshot> AllAsync()
    {
        using var client = Client();
        return (await client.GetFromJsonAsync<MasterDataSnapshot>("/v1/masterdata/all", McsJson.Options))!;
    }

    /// <summary>Counts this instance's cache lookups by level (l1, l2, miss) from the service's own meter.</summary>
    public CacheLookupCounter CountLookups() => new(Services.GetRequiredService<IMeterFactory>());
}
