using System.Net;
using Microsoft.Extensions.Options;
using SmtpServer;

namespace Mcs.Mocks.Smtp;

/// <summary>A real SMTP server on 127.0.0.1:<c>Mocks:SmtpPort</c> (no auth, no TLS) feeding <see cref="SmtpSinkInbox"/>.</summary>
public sealed class SmtpSinkService(IOptions<MocksOptions> options, SmtpSinkMessageStore store, ILogger<SmtpSinkService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = options.Value.SmtpPort;
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("mcs-mocks")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false).AuthenticationRequired(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var server = new SmtpServer.SmtpServer(serverOptions, services);
        MocksLog.SmtpListening(logger, port);
        await server.StartAsync(stoppingToken);
    }
}
