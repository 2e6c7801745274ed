using System.Globalization;
using System.Text.Json;
using Mcs.Contracts;
using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail;
using Mcs.Orchestrator.Graphs.SalesEmail.Intake;
using Mcs.Orchestrator.Graphs.SalesEmail.Nodes;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Mcs.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mcs.Orchestrator.Api;

/// <summary><c>/v1/orchestrations/runs</c>: read runs, their audit trail, and decide reviews.</summary>
public static class RunEndpoints
{
    public static RouteGroupBuilder MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/orchestrations/runs").WithTags("Runs");
        group.MapGet("/", ListRunsAsync).WithName("ListRuns");
        group.MapGet("/{runId}", GetRunAsync).WithName("GetRun");
        group.MapGet("/{runId}/audit", GetAuditAsync).WithName("GetRunAudit");
        group.MapPost("/{runId}/review", ReviewRunAsync).WithName("ReviewRun");
        return group;
    }

    /// <summary>Longest <c>?wait_seconds=</c> a GET may hold: below common proxy and client idle timeouts.</summary>
    public const int MaxWaitSeconds = 60;

    /// <summary>
    /// The run as it is now, or with <c>?wait_seconds=N</c> (1–60) as soon as it settles or pauses for review, at the
    /// latest after N seconds (still <c>running</c> then): a client follows a run with one request per N seconds
    /// instead of polling, and the server wakes it from its own commit or its batched waiter poll (ADR-067).
    /// </summary>
    public static async Task<Results<Ok<OrchestratorRunResult>, ProblemHttpResult>> GetRunAsync(
        string runId, [FromQuery(Name = "wait_seconds")] int? waitSeconds, IGraphEngine engine, CancellationToken cancellationToken)
    {
        if (waitSeconds is < 0 or > MaxWaitSeconds)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, OrchestratorErrorCodes.InvalidWait, $"wait_seconds must be 0–{MaxWaitSeconds}.",
                new Dictionary<string, string[]> { ["wait_seconds"] = [$"an integer from 0 to {MaxWaitSeconds}"] });
        }
        if (await FindAsync(runId, engine, cancellationToken) is not { } run)
        {
            return NotFound();
        }
        if (waitSeconds > 0 && !run.IsSettled)
        {
            run = await engine.WaitForSettledAsync(run.RunId, TimeSpan.FromSeconds(waitSeconds.Value), cancellationToken);
        }
        var state = await engine.GetStateAsync<SalesEmailState>(run, null, cancellationToken);
        return TypedResults.Ok(run.ToContract(state));
    }

    public static async Task<Results<Ok<PagedList<OrchestratorRunResult>>, ProblemHttpResult>> ListRunsAsync(
        string? status, [FromQuery(Name = "message_id")] string? messageId, int? limit, string? cursor, IGraphEngine engine, SalesEmailRunIndex index, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(limit ?? 100, 1, 1000);
        RunStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!TryParseStatus(status, out var parsed))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, OrchestratorErrorCodes.InvalidStatus, $"Unknown status '{status}'.",
                    new Dictionary<string, string[]> { ["status"] = ["one of running, waiting_review, succeeded, ignored, duplicate, rejected, failed"] });
            }
            wanted = parsed;
        }
        if (!string.IsNullOrEmpty(messageId))
        {
            return TypedResults.Ok(await ListByMessageIdAsync(messageId, wanted, size, cursor, engine, index, cancellationToken));
        }
        var (lifecycles, outcome) = wanted is { } s ? RunStatusMapping.ToFilter(s) : ([], null);
        var page = await engine.ListRunsAsync(new RunQuery
        {
            GraphName = SalesEmailGraph.Name, Statuses = lifecycles, Outcome = outcome, Limit = size, Cursor = cursor,
        }, cancellationToken);
        var items = new List<OrchestratorRunResult>();
        foreach (var run in page.Items)
        {
            items.Add(run.ToContract(await engine.GetStateAsync<SalesEmailState>(run, null, cancellationToken)));
        }
        return TypedResults.Ok(new PagedList<OrchestratorRunResult>(items, page.NextCursor));
    }

    public static async Task<Results<Ok<PagedList<AuditEvent>>, ProblemHttpResult>> GetAuditAsync(string runId, IGraphEngine engine, CancellationToken cancellationToken)
    {
        if (await FindAsync(runId, engine, cancellationToken) is not { } run)
        {
            return NotFound();
        }
        var audit = await engine.GetAuditAsync(run.RunId, cancellationToken);
        var items = audit.Select(a => new AuditEvent
        {
            Sequence = a.Sequence, RunId = a.RunId.ToString(), Node = a.Node, Attempt = a.Attempt, Outcome = a.Kind, InputDigest = a.InputDigest,
            Output = a.Output, ErrorCode = a.ErrorCode, ErrorMessage = a.ErrorMessage, DurationMs = a.DurationMs, At = a.OccurredAt,
        }).ToArray();
        return TypedResults.Ok(new PagedList<AuditEvent>(items, null));
    }

    /// <summary>
    /// Approve (optionally with a corrected payload, validated again up front: 422 when it breaks a blocking rule) or
    /// reject with a reason. The same decision again is accepted (idempotent); a different one on a decided review is 409.
    /// </summary>
    public static async Task<Results<Ok<OrchestratorRunResult>, Accepted<RunAccepted>, ProblemHttpResult>> ReviewRunAsync(
        string runId, ReviewRequest request, [AsParameters] ReviewServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var engine = services.Engine;
        if (await FindAsync(runId, engine, cancellationToken) is not { } run)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(request.Reviewer))
        {
            return Invalid(ErrorCodes.ValidationFailed, "The reviewer is required.", "reviewer");
        }
        if (request.Decision == ReviewDecision.Reject && string.IsNullOrWhiteSpace(request.Reason))
        {
            return Invalid(OrchestratorErrorCodes.ReviewReasonRequired, "A rejection needs a reason.", "reason");
        }
        var interrupts = await engine.GetInterruptsAsync(run.RunId, cancellationToken);
        var interrupt = interrupts.LastOrDefault(i => i.Kind == ReviewNode.InterruptKind);
        if (interrupt is null)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, OrchestratorErrorCodes.NotWaitingReview, "The run is not waiting for review.");
        }
        if (interrupt.IsOpen && request.Decision == ReviewDecision.Approve)
        {
            var state = await engine.GetStateAsync<SalesEmailState>(run, null, cancellationToken);
            if (await CheckApprovalAsync(state!, request, services, cancellationToken) is { } problem)
            {
                return problem;
            }
        }
        var decision = JsonSerializer.SerializeToElement(request, McsJson.Options);
        var result = await engine.ResumeAsync(run.RunId, interrupt.InterruptId, decision, request.Reviewer, interrupt.Step, cancellationToken);
        if (result is ResumeResult.Conflict or ResumeResult.StepMismatch)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, OrchestratorErrorCodes.ReviewConflict, "This review was already decided differently.");
        }
        if (result == ResumeResult.NotFound)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, OrchestratorErrorCodes.NotWaitingReview, "The run is not waiting for review.");
        }
        return await OrchestrationEndpoints.WaitAndAnswerAsync(run.RunId, engine, services.Options.Value.RunWaitTimeout, cancellationToken);
    }

    private static async Task<ProblemHttpResult?> CheckApprovalAsync(SalesEmailState state, ReviewRequest request, ReviewServices services, CancellationToken cancellationToken)
    {
        if (request.Payload is null)
        {
            return state.OrderPayload is null || state.Customer is not { Matched: true } || state.Company is null
                ? Invalid(OrchestratorErrorCodes.ReviewPayloadRequired, "This run has no complete order payload; approve with a corrected payload.", "payload")
                : null;
        }
        var snapshot = (await services.Masterdata.GetSnapshotAsync(cancellationToken)).Snapshot;
        var correction = ReviewCorrection.Evaluate(state, request.Payload, snapshot, services.Policy);
        return correction.Acceptable
            ? null
            : ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, OrchestratorErrorCodes.ReviewPayloadInvalid,
                "The corrected payload still breaks the policy: " + string.Join(", ", correction.BlockingReasons),
                new Dictionary<string, string[]> { ["payload"] = correction.BlockingReasons.ToArray() });
    }

    private static async Task<PagedList<OrchestratorRunResult>> ListByMessageIdAsync(string messageId, RunStatus? wanted, int size, string? cursor,
        IGraphEngine engine, SalesEmailRunIndex index, CancellationToken cancellationToken)
    {
        // The index pages by offset; one mail has few runs, so the status filter is applied on the page.
        var offset = int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var ids = await index.FindByMessageIdAsync(messageId, offset, size, cancellationToken);
        var items = new List<OrchestratorRunResult>();
        foreach (var id in ids)
        {
            if (await engine.GetRunAsync(id, cancellationToken) is { } run && (wanted is null || run.ToApiStatus() == wanted))
            {
                items.Add(run.ToContract(await engine.GetStateAsync<SalesEmailState>(run, null, cancellationToken)));
            }
        }
        var next = ids.Count == size ? (offset + size).ToString(CultureInfo.InvariantCulture) : null;
        return new PagedList<OrchestratorRunResult>(items, next);
    }

    private static bool TryParseStatus(string text, out RunStatus status)
    {
        status = default;
        try
        {
            status = JsonSerializer.Deserialize<RunStatus>($"\"{text.Replace("\"", "", StringComparison.Ordinal)}\"", McsJson.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<RunInfo?> FindAsync(string runId, IGraphEngine engine, CancellationToken cancellationToken) =>
        Guid.TryParse(runId, out var id) && await engine.GetRunAsync(id, cancellationToken) is { GraphName: SalesEmailGraph.Name } run ? run : null;

    private static ProblemHttpResult NotFound() =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, OrchestratorErrorCodes.RunNotFound, "No sales-email run with this id.");

    private static ProblemHttpResult Invalid(string code, string detail, string field) =>
        ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, code, detail, new Dictionary<string, string[]> { [field] = [detail] });
}
