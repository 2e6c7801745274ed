using Mcs.Contracts.Email;
using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail;
using Mcs.Orchestrator.Graphs.SalesEmail.Intake;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Mcs.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Api;

/// <summary><c>/v1/orchestrations/sales-email</c>: start a run for a delivered mail, replay a run.</summary>
public static class OrchestrationEndpoints
{
    public static RouteGroupBuilder MapOrchestrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/orchestrations/sales-email").WithTags("Orchestrations");
        group.MapPost("/run", RunSalesEmailAsync).WithName("RunSalesEmail");
        group.MapPost("/replay", ReplaySalesEmailAsync).WithName("ReplaySalesEmail");
        return group;
    }

    /// <summary>
    /// Idempotent per delivery: the same <c>delivery_id</c> again (also at the same moment) answers with the same run,
    /// never 409. Waits up to <c>SalesEmail:Policy:RunWaitTimeout</c>; a run still going answers 202 + Location.
    /// </summary>
    public static async Task<Results<Ok<OrchestratorRunResult>, Accepted<RunAccepted>, ProblemHttpResult>> RunSalesEmailAsync(
        EmailEvent email, SalesEmailIntake intake, IGraphEngine engine, IOptions<SalesEmailPolicyOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var errors = SalesEmailIntake.Validate(email);
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationFailed, "The email event is not valid.", errors);
        }
        var start = await intake.AcceptAsync(email, cancellationToken);
        return await WaitAndAnswerAsync(start.RunId, engine, options.Value.RunWaitTimeout, cancellationToken);
    }

    /// <summary>Forks a new run from the first checkpoint that runs <c>from_node</c> (default: the start); effects keep the lineage's keys.</summary>
    public static async Task<Results<Accepted<RunAccepted>, ProblemHttpResult>> ReplaySalesEmailAsync(
        ReplayRequest request, IGraphEngine engine, GraphRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Guid.TryParse(request.RunId, out var runId) || await engine.GetRunAsync(runId, cancellationToken) is not { GraphName: SalesEmailGraph.Name })
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, OrchestratorErrorCodes.RunNotFound, "No sales-email run with this id.");
        }
        var checkpoints = await engine.ListCheckpointsAsync(runId, cancellationToken);
        int step;
        if (string.IsNullOrWhiteSpace(request.FromNode))
        {
            step = checkpoints.Min(c => c.Step);
        }
        else if (!registry.Get(SalesEmailGraph.Name).HasNode(request.FromNode))
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, OrchestratorErrorCodes.NodeUnknown,
                $"The graph has no node '{request.FromNode}'.", new Dictionary<string, string[]> { ["from_node"] = ["unknown node"] });
        }
        else if (checkpoints.FirstOrDefault(c => c.NextNode == request.FromNode) is { } checkpoint)
        {
            step = checkpoint.Step;
        }
        else
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, OrchestratorErrorCodes.NodeUnknown,
                $"The run never reached '{request.FromNode}' (or its checkpoint was pruned).", new Dictionary<string, string[]> { ["from_node"] = ["not reached by this run"] });
        }
        var forked = await engine.ForkAsync(runId, step, new ReplayOptions(), cancellationToken);
        return TypedResults.Accepted($"/v1/orchestrations/runs/{forked}", new RunAccepted(forked.ToString(), RunStatus.Running));
    }

    internal static async Task<Results<Ok<OrchestratorRunResult>, Accepted<RunAccepted>, ProblemHttpResult>> WaitAndAnswerAsync(
        Guid runId, IGraphEngine engine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var run = await engine.WaitForSettledAsync(runId, timeout, cancellationToken);
        if (run.IsSettled)
        {
            var state = await engine.GetStateAsync<SalesEmailState>(run, null, cancellationToken);
            return TypedResults.Ok(run.ToContract(state));
        }
        return TypedResults.Accepted($"/v1/orchestrations/runs/{runId}", new RunAccepted(runId.ToString(), run.ToApiStatus()));
    }
}
