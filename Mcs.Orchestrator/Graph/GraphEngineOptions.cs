using System.ComponentModel.DataAnnotations;

namespace Mcs.Orchestrator.Graph;

/// <summary>Settings of the graph engine (section <c>GraphEngine</c>).</summary>
public sealed class GraphEngineOptions
{
    public const string SectionName = "GraphEngine";

    /// <summary>Id of this replica in <c>graph_run.owner_id</c>; default machine name + process id + a random suffix.</summary>
    public string? OwnerId { get; set; }

    /// <summary>Runs this replica advances at once.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentRuns { get; set; } = 32;

    /// <summary>
    /// Connections each of the orchestrator's pools (the engine's, and EF's for intake and reads) may open to
    /// PostgreSQL. Every statement is short (no connection is held across a node's work), so a few per core of the
    /// database keep it busy; under a burst, more only made PostgreSQL fork backends (≈0.7 s each at load, every one
    /// re-preparing the statements) and switch between them (ADR-063).
    /// </summary>
    [Range(2, 1000)]
    public int MaxDbConnections { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Renewal period of held leases, by a dedicated timer (must be well under <see cref="LeaseDuration"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:20:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Default per-attempt timeout (below the lease); a node's <see cref="RetryPolicy.AttemptTimeout"/> overrides it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan DefaultAttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long an idle worker waits before polling for claimable runs again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often a request waiting for a run (POST /run up to its RunWaitTimeout) re-reads it from the database. A run
    /// settling on this replica wakes the waiter at once; the poll only catches runs another replica advances, so it
    /// need not be the worker's <see cref="PollInterval"/>: at 50 runs/s with a 10 s wait that was ~1,000 reads/s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan WaiterPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Backoffs up to this long keep the lease (and wait in place); longer ones release the run.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan KeepLeaseForBackoffUpTo { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Claims since the last commit after which a run is failed with <c>crash_loop</c>.</summary>
    [Range(1, 100)]
    public int CrashLoopCap { get; set; } = 5;

    /// <summary>A checkpoint state over this many bytes writes a <c>state_size_warning</c> audit row.</summary>
    public int StateWarnBytes { get; set; } = 256 * 1024;

    /// <summary>A checkpoint state over this many bytes fails the node before the commit.</summary>
    public int StateMaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Intermediate checkpoints of finished runs older than this are pruned (step 0 and the last step stay).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan RetainCheckpointsFor { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Off for a replica that only serves the API (and for tests that drive the runner themselves).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Apply migrations at start (off when a migration bundle is used).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
