using Mcs.Contracts.MasterData;

namespace Mcs.Masterdata.Writes;

/// <summary>
/// The source-generated JSON reader sets an omitted init-only list to null (it does not keep the record's <c>= []</c>
/// initializer), so every list of an incoming change is made non-null here, once, before anything looks at it.
/// </summary>
public static class ListDefaults
{
    public static BulkChange Apply(BulkChange change) => change with
    {
        Companies = change.Companies?.Select(c => c with { Aliases = c.Aliases ?? [], EmailDomains = c.EmailDomains ?? [] }).ToList(),
        Customers = change.Customers?.Select(c => c with { Aliases = c.Aliases ?? [], EmailDomains = c.EmailDomains ?? [] }).ToList(),
        Contacts = change.Contacts,
        Products = change.Products?.Select(p => p with { Aliases = p.Aliases ?? [], CustomerPartNumbers = p.CustomerPartNumbers ?? [] }).ToList(),
    };
}
