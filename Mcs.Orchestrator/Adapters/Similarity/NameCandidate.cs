using Mcs.Contracts.MasterData;

namespace Mcs.Orchestrator.Adapters.Similarity;

/// <summary>Something with an id and names to match against (name first, then aliases).</summary>
public sealed record NameCandidate(string Id, IReadOnlyList<string> Names)
{
    public static NameCandidate FromCustomer(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new NameCandidate(customer.CustomerId, [customer.Name, .. customer.Aliases]);
    }

    public static NameCandidate FromCompany(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return new NameCandidate(company.CompanyId, [company.Name, .. company.Aliases]);
    }
}
