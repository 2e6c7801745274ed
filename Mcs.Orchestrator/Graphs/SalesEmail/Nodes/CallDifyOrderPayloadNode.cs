using System.Diagnostics;
using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;
using Mcs.Orchestrator.Adapters.Dify;
using Mcs.Orchestrator.Adapters.Masterdata;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Nodes;

/// <summary>
/// Maps the contract to an ERP order payload with the Dify order app. The LLM is never trusted for identity:
/// <c>customer_num</c> and <c>company_code</c> are overwritten from the resolved customer and company, and
/// <c>external_ref</c> is cleared here and set to the effect key by <c>call_erp_gateway</c>.
/// </summary>
public sealed class CallDifyOrderPayloadNode(IDifyWorkflowClient dify, IMasterdataReader reader, SalesEmailMetrics metrics) : INode<SalesEmailState>
{
    public string Name => SalesEmailNodeNames.CallDifyOrderPayload;

    public async Task<NodeResult<SalesEmailState>> ExecuteAsync(SalesEmailState state, NodeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = (await MasterdataAccess.ReadAsync(reader, cancellationToken)).Snapshot;
        var contract = state.Contract ?? throw new NodeFailedException("contract_missing", "No contract was extracted.", retryable: false);
        var customer = snapshot.Customers.FirstOrDefault(c => c.CustomerId == state.Customer?.CustomerId)
            ?? throw new NodeFailedException("customer_missing", "The resolved customer is not in the master data.", retryable: false);
        var company = state.Company ?? throw new NodeFailedException("company_missing", "The seller is not resolved.", retryable: false);
        var inputs = new DifyOrderInputs
        {
            Contract = contract,
            Customer = customer,
            Company = company,
            CandidateProducts = CandidateProducts(contract.LineItems.SelectMany(l => new[] { l.Sku, l.CustomerPartNo, l.Description }), customer, snapshot.Products),
        };
        var started = Stopwatch.GetTimestamp();
        var outcome = await dify.RunOrderPayloadAsync(inputs, cancellationToken);
        metrics.DifyLatency("order", Stopwatch.GetElapsedTime(started), outcome.Succeeded);
        if (!outcome.Succeeded)
        {
            throw DifyFailures.ToException(outcome.Failure);
        }
        var payload = WithOurIdentity(outcome.Value, customer, company, contract.ContractNo);
        var next = state with { OrderPayload = payload };
        return NodeResult.Continue(outcome.Warnings.Aggregate(next, (s, w) => s.AddWarning("dify_order:" + w)));
    }

    public static ErpOrderPayload WithOurIdentity(ErpOrderPayload payload, Customer customer, Company company, string contractNo)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(company);
        return payload with
        {
            CustomerNum = customer.CustomerNum,
            CompanyCode = company.Code,
            ExternalRef = "",
            ContractNo = string.IsNullOrWhiteSpace(contractNo) ? payload.ContractNo : contractNo,
        };
    }

    // The products the lines name (by any code) narrow the model's choice; without any, all active products.
    private static IReadOnlyList<Product> CandidateProducts(IEnumerable<string?> codes, Customer customer, IReadOnlyList<Product> products)
    {
        var named = codes.Select(code => ProductMatcher.Find(code, customer.CustomerId, products)?.Product)
            .OfType<Product>().DistinctBy(p => p.ProductId).ToList();
        return named.Count > 0 ? named : products.Where(p => p.Status == ProductStatus.Active).Take(200).ToList();
    }
}
