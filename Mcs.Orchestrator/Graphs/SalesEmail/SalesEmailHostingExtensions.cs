using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail.Intake;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;
using Mcs.Orchestrator.Graphs.SalesEmail.Nodes;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;

namespace Mcs.Orchestrator.Graphs.SalesEmail;

/// <summary>Registers the sales-email graph (<c>sales-email</c> v1), its nodes, policy, metrics and intake.</summary>
public static class SalesEmailHostingExtensions
{
    public static IHostApplicationBuilder AddSalesEmailGraph(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SalesEmailPolicyOptions>().BindConfiguration(SalesEmailPolicyOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SalesEmailNotificationOptions>().BindConfiguration(SalesEmailNotificationOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SalesEmailMetrics>();
        services.AddSingleton<OrderPolicy>();
        services.AddSingleton<ContractKeywordDetector>();
        services.AddSingleton<IPdfTextReader, PdfPigTextReader>();
        services.AddSingleton<SalesNotifier>();
        services.AddSingleton<CheckIdempotencyNode>();
        services.AddSingleton<LoadMasterdataNode>();
        services.AddSingleton<MatchContactNode>();
        services.AddSingleton<DetectContractSignalNode>();
        services.AddSingleton<MatchCustomerNode>();
        services.AddSingleton<UploadPdfNode>();
        services.AddSingleton<CallDifyContractNode>();
        services.AddSingleton<ResolveCustomerFromContractNode>();
        services.AddSingleton<CallDifyOrderPayloadNode>();
        services.AddSingleton<ValidateOrderNode>();
        services.AddSingleton<ReviewNode>();
        services.AddSingleton<ApplyReviewNode>();
        services.AddSingleton<CallErpGatewayNode>();
        services.AddSingleton<NotifySalesNode>();
        services.AddSingleton<FinalizeNode>();
        services.AddSingleton(sp => new SalesEmailNodes(
            sp.GetRequiredService<CheckIdempotencyNode>(), sp.GetRequiredService<LoadMasterdataNode>(), sp.GetRequiredService<MatchContactNode>(),
            sp.GetRequiredService<DetectContractSignalNode>(), sp.GetRequiredService<MatchCustomerNode>(), sp.GetRequiredService<UploadPdfNode>(),
            sp.GetRequiredService<CallDifyContractNode>(), sp.GetRequiredService<ResolveCustomerFromContractNode>(),
            sp.GetRequiredService<CallDifyOrderPayloadNode>(), sp.GetRequiredService<ValidateOrderNode>(), sp.GetRequiredService<ReviewNode>(),
            sp.GetRequiredService<ApplyReviewNode>(), sp.GetRequiredService<CallErpGatewayNode>(), sp.GetRequiredService<NotifySalesNode>(),
            sp.GetRequiredService<FinalizeNode>()));
        services.AddGraph(sp => SalesEmailGraph.Build(sp.GetRequiredService<SalesEmailNodes>(), sp.GetRequiredService<SalesEmailMetrics>()));
        services.AddSingleton<SalesEmailRunIndex>();
        services.AddHostedService<SalesEmailSchemaStartup>();
        services.AddScoped<SalesEmailIntake>();
        return builder;
    }
}
