namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>Stable reason codes of <c>waiting_review</c> (docs/errors.md, Orchestrator section).</summary>
public static class ReviewReasons
{
    public const string NoTextLayer = "no_text_layer";
    public const string CustomerUnresolved = "customer_unresolved";
    public const string CustomerInactive = "customer_inactive";
    public const string SellerUnresolved = "seller_unresolved";
    public const string PayloadMissing = "payload_missing";
    public const string NoLines = "no_lines";
    public const string ProductUnmapped = "product_unmapped";
    public const string ProductInactive = "product_inactive";
    public const string UnitMismatch = "unit_mismatch";
    public const string CurrencyMismatch = "currency_mismatch";
    public const string LineAmountMismatch = "line_amount_mismatch";
    public const string TotalMismatch = "total_mismatch";
    public const string PriceDeviation = "price_deviation";
    public const string DuplicateContract = "duplicate_contract";

    /// <summary>Reasons a corrected payload must clear; the others a reviewer's approval may knowingly accept.</summary>
    public static IReadOnlySet<string> BlockingOnCorrection { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PayloadMissing, NoLines, ProductUnmapped, ProductInactive, UnitMismatch, CurrencyMismatch, LineAmountMismatch, TotalMismatch,
    };
}
