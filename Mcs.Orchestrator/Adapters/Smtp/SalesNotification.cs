namespace Mcs.Orchestrator.Adapters.Smtp;

/// <summary>What a notification says; the template for <see cref="Kind"/> and <see cref="Language"/> renders it.</summary>
public sealed record SalesNotification
{
    public required NotificationKind Kind { get; init; }
    public NotificationLanguage Language { get; init; } = NotificationLanguage.Zh;

    /// <summary>The salesperson (Customer.sales_owner_email).</summary>
    public required string To { get; init; }

    public required string RunId { get; init; }
    public string? EmailSubject { get; init; }
    public string? CustomerName { get; init; }
    public string? ContractNo { get; init; }
    public string? OrderNo { get; init; }
    public decimal? TotalAmount { get; init; }
    public string? Currency { get; init; }

    /// <summary>Review reasons (ReviewNeeded) or the error message (Failed).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public string? ErrorCode { get; init; }

    /// <summary>Where the salesperson can look at the run or review it.</summary>
    public Uri? Link { get; init; }

    /// <summary>Stable per run lineage + effect: becomes the Message-ID, so a resend is recognisable as the same mail.</summary>
    public string? IdempotencyKey { get; init; }
}
