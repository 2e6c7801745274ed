using Mcs.Contracts;
using Mcs.EmailListener;
using Mcs.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mcs.Tests.Service.EmailListener;

/// <summary>The listener in-process (real Kestrel-free TestServer), configured like the AppHost configures it.</summary>
public sealed class ListenerHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<EmailListenerMarker>
{
    public static Dictionary<string, string?> Settings(string connectionString, string orchestratorUrl) => new()
    {
        [$"ConnectionStrings:{ServiceNames.EmailListenerDb}"] = connectionString,
        ["Mcs:ApiKey"] = TestKeys.ApiKey,
        ["Orchestrator:BaseUrl"] = orchestratorUrl,
        ["Orchestrator:RequestTimeout"] = "00:00:05",
        ["EmailListener:OwnDomains:0"] = "ourco.example",
        ["EmailListener:Outbox:PollInterval"] = "00:00:00.200",
        ["EmailListener:Outbox:RetryBaseDelay"] = "00:00:00.200",
        ["EmailListener:Outbox:RetryMaxDelay"] = "00:00:01",
        ["EmailListener:Outbox:ClaimTimeout"] = "00:00:03",
        ["EmailListener:LeaseRetryInterval"] = "00:00:00.500",
        ["EmailListener:MaxReconnectDelay"] = "00:00:02",
    };

    public static void AddMailbox(Dictionary<string, string?> settings, int index, string name, int port, string user, string password,
        string folder = "INBOX", string pollInterval = "00:00:01", string action = "None", string? moveTo = null)
    {
        var prefix = $"EmailListener:Mailboxes:{index}:";
        settings[prefix + "Name"] = name;
        settings[prefix + "Host"] = "127.0.0.1";
        settings[prefix + "Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[prefix + "Username"] = user;
        settings[prefix + "Password"] = password;
        settings[prefix + "Security"] = "None";
        settings[prefix + "Folder"] = folder;
        settings[prefix + "PollInterval"] = pollInterval;
        settings[prefix + "ActionAfterAccept"] = action;
        settings[prefix + "MoveToFolder"] = moveTo;
    }

    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
