namespace Mcs.Masterdata;

/// <summary>Error codes of Mcs.Masterdata beyond the shared ones (docs/errors.md, section Mcs.Masterdata).</summary>
public static class MasterdataErrorCodes
{
    /// <summary>409: a natural key (code, customer_num, email, sku) already belongs to another id.</summary>
    public const string DuplicateNaturalKey = "duplicate_natural_key";

    /// <summary>409: a delete would leave rows pointing at nothing (e.g. a customer that still has contacts).</summary>
    public const string StillReferenced = "still_referenced";

    /// <summary>422: an import file has errors; <c>errors</c> names file, row and column.</summary>
    public const string ImportInvalid = "import_invalid";

    /// <summary>400: a cursor that this service did not hand out.</summary>
    public const string InvalidCursor = "invalid_cursor";
}
