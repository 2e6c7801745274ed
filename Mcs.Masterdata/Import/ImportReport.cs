namespace Mcs.Masterdata.Import;

/// <summary>The answer to an import: the version it produced and the rows read per entity.</summary>
public sealed record ImportReport(long Version, int Companies, int Customers, int Contacts, int Products, int PartNumbers)
{
    public int Rows => Companies + Customers + Contacts + Products + PartNumbers;
}
