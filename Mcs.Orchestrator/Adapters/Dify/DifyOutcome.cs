using System.Diagnostics.CodeAnalysis;

namespace Mcs.Orchestrator.Adapters.Dify;

/// <summary>The value of a Dify call, or why there is none. Exactly one of <see cref="Value"/> and <see cref="Failure"/> is set.</summary>
public sealed record DifyOutcome<T>
    where T : class
{
    public T? Value { get; init; }
    public DifyFailure? Failure { get; init; }

    /// <summary>The run id Dify gave (when a run started); useful in audit and for reconciliation.</summary>
    public string? WorkflowRunId { get; init; }

    /// <summary>Non-fatal notes, e.g. "partial-succeeded" or a value that had to be repaired.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How many HTTP attempts the call took (1 = no retry).</summary>
    public int Attempts { get; init; } = 1;

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Value is not null;

    public static DifyOutcome<T> Success(T value, string? workflowRunId = null, IReadOnlyList<string>? warnings = null, int attempts = 1) =>
        new() { Value = value, WorkflowRunId = workflowRunId, Warnings = warnings ?? [], Attempts = attempts };

    public static DifyOutcome<T> Failed(DifyFailure failure, int attempts = 1) =>
        new() { Failure = failure, WorkflowRunId = failure.WorkflowRunId, Attempts = attempts };
}
