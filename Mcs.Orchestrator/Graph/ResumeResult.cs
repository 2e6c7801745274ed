namespace Mcs.Orchestrator.Graph;

/// <summary>What <see cref="IGraphEngine.ResumeAsync"/> did.</summary>
public enum ResumeResult
{
    /// <summary>The decision was stored and the run continues.</summary>
    Resumed,

    /// <summary>The same decision was already stored for this interrupt: nothing changed (idempotent retry).</summary>
    AlreadyResumed,

    /// <summary>A different decision was already stored (HTTP 409).</summary>
    Conflict,

    /// <summary>The run has moved on from <c>expectedStep</c> (HTTP 409).</summary>
    StepMismatch,

    /// <summary>No such interrupt on this run (HTTP 404).</summary>
    NotFound,
}
