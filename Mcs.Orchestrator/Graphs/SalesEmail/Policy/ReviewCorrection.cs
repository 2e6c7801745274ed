using Mcs.Contracts.MasterData;
using Mcs.Contracts.Orders;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Policy;

/// <summary>
/// Checks a reviewer's corrected payload against the policy. Identity comes from the run when it resolved a customer
/// and seller, else from the reviewer's <c>customer_num</c>/<c>company_code</c>, which must exist in master data.
/// Only <see cref="ReviewReasons.BlockingOnCorrection"/> block; the rest a reviewer may knowingly approve.
/// </summary>
public static class ReviewCorrection
{
    public static ReviewCorrectionResult Evaluate(SalesEmailState state, ErpOrderPayload payload, MasterDataSnapshot snapshot, OrderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        var customer = state.Customer is { Matched: true, CustomerId: { } id }
            ? snapshot.Customers.FirstOrDefault(c => c.CustomerId == id)
            : snapshot.Customers.FirstOrDefault(c => string.Equals(c.CustomerNum, payload.CustomerNum, StringComparison.OrdinalIgnoreCase));
        var company = state.Company
            ?? snapshot.Companies.FirstOrDefault(c => string.Equals(c.Code, payload.CompanyCode, StringComparison.OrdinalIgnoreCase));
        var identified = customer is null || company is null
            ? payload
            : payload with { CustomerNum = customer.CustomerNum, CompanyCode = company.Code, ExternalRef = "" };
        var verdict = policy.Evaluate(identified, customer, company, snapshot);
        var blocking = verdict.Reasons
            .Where(r => ReviewReasons.BlockingOnCorrection.Contains(r) || r is ReviewReasons.CustomerUnresolved or ReviewReasons.SellerUnresolved)
            .ToArray();
        return new ReviewCorrectionResult(customer, company, verdict, blocking);
    }
}
