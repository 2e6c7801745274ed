using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Microsoft.Extensions.Options;

namespace Mcs.Orchestrator.Api;

/// <summary>What the review handler needs (eShop's <c>[AsParameters]</c> services record).</summary>
public sealed record ReviewServices(IGraphEngine Engine, IMasterdataReader Masterdata, OrderPolicy Policy, IOptions<SalesEmailPolicyOptions> Options);
