using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graph.Runtime;

namespace Mcs.Tests.Unit.Graph;

/// <summary>POST /run's waiters poll together: reads that arrive together are one statement, and each waiter gets its own run.</summary>
public sealed class RunReadBatcherTests
{
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Reads_that_arrive_together_are_one_read_and_each_caller_gets_its_own_run()
    {
        var reads = new List<IReadOnlyList<Guid>>();
        var batcher = new RunReadBatcher((ids, _) =>
        {
            lock (reads)
            {
                reads.Add(ids);
            }
            return Task.FromResult<IReadOnlyList<RunInfo>>(ids.Select(Run).ToArray());
        }, Gather);
        var ids = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();

        var runs = await Task.WhenAll(ids.Select(id => batcher.GetAsync(id, CancellationToken.None)));

        Assert.Equal(ids, runs.Select(r => r!.RunId));
        Assert.Single(reads);
        Assert.Equal(50, reads[0].Count);
    }

    [Fact]
    public async Task A_run_that_does_not_exist_is_null_for_its_caller_only()
    {
        var known = Guid.NewGuid();
        var batcher = new RunReadBatcher((ids, _) => Task.FromResult<IReadOnlyList<RunInfo>>(ids.Where(id => id == known).Select(Run).ToArray()), Gather);

        var found = batcher.GetAsync(known, CancellationToken.None);
        var missing = batcher.GetAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(known, (await found)!.RunId);
        Assert.Null(await missing);
    }

    [Fact]
    public async Task A_failed_read_fails_every_caller_of_that_read_and_the_next_read_is_new()
    {
        var calls = 0;
        var batcher = new RunReadBatcher((ids, _) => Interlocked.Increment(ref calls) == 1
            ? Task.FromException<IReadOnlyList<RunInfo>>(new TimeoutException("database gone"))
            : Task.FromResult<IReadOnlyList<RunInfo>>(ids.Select(Run).ToArray()), Gather);

        var first = batcher.GetAsync(Guid.NewGuid(), CancellationToken.None);
        var second = batcher.GetAsync(Guid.NewGuid(), CancellationToken.None);
        await Assert.ThrowsAsync<TimeoutException>(() => first);
        await Assert.ThrowsAsync<TimeoutException>(() => second);

        var id = Guid.NewGuid();
        Assert.Equal(id, (await batcher.GetAsync(id, CancellationToken.None))!.RunId);
    }

    [Theory]
    [InlineData("2026-11-27T10:00:01.500Z", 2000, 500)]
    [InlineData("2026-11-27T10:00:02.000Z", 2000, 2000)]
    [InlineData("2026-11-27T10:00:03.999Z", 2000, 1)]
    public void Waiters_poll_on_whole_multiples_of_the_interval(string now, int intervalMs, int expectedMs)
    {
        var wait = GraphEngine.UntilNextPoll(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(intervalMs));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), wait);
    }

    private static RunInfo Run(Guid id) => new()
    {
        RunId = id, LineageId = id, GraphName = "g", FlowVersion = 1, GraphFingerprint = "f", BusinessKey = id.ToString(),
        Status = RunLifecycle.Running, Step = 1, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
