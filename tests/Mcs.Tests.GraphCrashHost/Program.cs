using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graph.Runtime;
using Mcs.Tests.GraphCrashHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

// Usage: Mcs.Tests.GraphCrashHost <connection string> <crash point>
// Advances claimable runs; at the crash point prints the point's name and hangs until the test SIGKILLs it.
await using var dataSource = NpgsqlDataSource.Create(args[0]);
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(dataSource)
    .AddSingleton(Options.Create(new GraphEngineOptions { OwnerId = "child", RunWorker = false }))
    .AddSingleton<ICrashInjector>(new HangAt(args[1]))
    .AddSingleton<CompiledGraph>(CrashHostGraph.Build(dataSource))
    .AddGraphEngineCore();
await using var provider = services.BuildServiceProvider();
var runner = provider.GetRequiredService<GraphRunner>();
Console.WriteLine("READY");
while (await runner.RunAvailableAsync(1, CancellationToken.None) > 0)
{
}
Console.WriteLine("DONE");

internal sealed class HangAt(string point) : ICrashInjector
{
    public void At(string point1, Guid runId, string node)
    {
        if (point1 == point)
        {
            Console.WriteLine(point1);
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
