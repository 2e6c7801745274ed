namespace Mcs.Orchestrator.Graph;

/// <summary>Filter of <see cref="IGraphEngine.ListRunsAsync"/>; newest first, keyset-paged by <see cref="Cursor"/>.</summary>
public sealed record RunQuery
{
    public string? GraphName { get; init; }

    /// <summary>Any of these lifecycles (empty = all).</summary>
    public IReadOnlyList<RunLifecycle> Statuses { get; init; } = [];

    public string? Outcome { get; init; }

    public string? BusinessKey { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>The <see cref="RunPage.NextCursor"/> of the previous page.</summary>
    public string? Cursor { get; init; }
}
