using Mcs.Contracts.Email;
using Mcs.Contracts.Results;
using Mcs.Contracts.Runs;
using Mcs.Orchestrator.Adapters.Similarity;
using Mcs.Orchestrator.Adapters.Smtp;
using Mcs.Orchestrator.Graph;
using Mcs.Orchestrator.Graphs.SalesEmail;
using Mcs.Orchestrator.Graphs.SalesEmail.Matching;
using Mcs.Orchestrator.Graphs.SalesEmail.Nodes;
using Mcs.Orchestrator.Graphs.SalesEmail.Policy;
using Mcs.Tests.Support.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using N = Mcs.Orchestrator.Graphs.SalesEmail.SalesEmailNodeNames;
using static Mcs.Tests.Unit.SalesEmail.SalesEmailTestData;

namespace Mcs.Tests.Unit.SalesEmail;

/// <summary>Each node with a plain state in and its result out; adapters are hand-written fakes.</summary>
public sealed class SalesEmailNodeTests
{
    private readonly FakeMasterdataReader _masterdata = new(Snapshot());
    private readonly InMemoryFileStore _files = new();
    private readonly FakeDifyWorkflowClient _dify = new();
    private readonly FakeErpGateway _erp = new();
    private readonly RecordingNotificationSender _smtp = new();
    private readonly SalesEmailMetrics _metrics = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    private static SalesEmailState Continued(NodeResult<SalesEmailState> result) =>
        Assert.IsType<NodeResult<SalesEmailState>.Continue>(result).State;

    private async Task<AttachmentRef> StoreAsync(string name, byte[] content)
    {
        var file = await _files.PutAsync(content, name, "application/pdf", CancellationToken.None);
        return new AttachmentRef { AttachmentId = "a-" + name, Filename = name, ContentType = "application/pdf", DetectedType = "application/pdf", Size = content.Length, Sha256 = file.Id, FileId = file.Id };
    }

    private DetectContractSignalNode Detector(IPdfTextReader? reader = null) =>
        new(_files, reader ?? new PdfPigTextReader(), new ContractKeywordDetector(PolicyOptions()));

    [Fact]
    public async Task CheckIdempotency_SecondLineageWithTheSameMailKey_IsDuplicateOfTheFirstRun()
    {
        var journal = new FakeEffectJournal();
        var node = new CheckIdempotencyNode();
        var first = Guid.NewGuid();
        Continued(await node.ExecuteAsync(State(), NodeContexts.For(N.CheckIdempotency, journal, runId: first), default));

        var second = Continued(await node.ExecuteAsync(State(), NodeContexts.For(N.CheckIdempotency, journal), default));

        Assert.Equal(first.ToString(), second.DuplicateOf);
        Assert.Equal(SalesEmailOutcomes.Duplicate, second.Outcome);
    }

    [Fact]
    public async Task LoadMasterdata_ServiceDownWithSnapshot_ContinuesWithWarning_WithoutSnapshot_FailsRetryable()
    {
        _masterdata.Stale = true;
        var state = Continued(await new LoadMasterdataNode(_masterdata).ExecuteAsync(State(), NodeContexts.For(N.LoadMasterdata), default));
        Assert.Equal(7, state.MasterdataVersion);
        Assert.Contains(LoadMasterdataNode.StaleWarning, state.Warnings);

        _masterdata.Unavailable = true;
        var failure = await Assert.ThrowsAsync<NodeFailedException>(() => new LoadMasterdataNode(_masterdata).ExecuteAsync(State(), NodeContexts.For(N.LoadMasterdata), default));
        Assert.True(failure.Retryable);
        Assert.Equal("masterdata_unavailable", failure.Code);
    }

    [Fact]
    public async Task MatchContact_ExactAddressIgnoringCase()
    {
        var state = Continued(await new MatchContactNode(_masterdata).ExecuteAsync(State(from: "john.miller@ACME-widgets.de"), NodeContexts.For(N.MatchContact), default));

        Assert.Equal("ct-john", state.Contact!.ContactId);
        Assert.Equal(ContactMatchMethod.ExactEmail, state.Contact.Method);
    }

    [Fact]
    public async Task MatchContact_MailFromOurOwnDomain_IsMatchedOnForwardedFrom()
    {
        var forwarded = State(from: "li.lei@mcs-sales.cn", forwardedFrom: new MailAddress { Name = "王芳", Address = "wang.fang@hdjd.com.cn" });

        var state = Continued(await new MatchContactNode(_masterdata).ExecuteAsync(forwarded, NodeContexts.For(N.MatchContact), default));

        Assert.True(state.IsInternalSender);
        Assert.Equal("wang.fang@hdjd.com.cn", state.EffectiveSender);
        Assert.Equal("cu-hd", state.Contact!.CustomerId);
    }

    [Fact]
    public async Task DetectSignal_FileNamedPdfWithoutPdfBytes_IsIgnored()
    {
        var fake = await StoreAsync("合同.pdf", "not a pdf at all"u8.ToArray());

        var state = Continued(await Detector().ExecuteAsync(State(attachments: fake), NodeContexts.For(N.DetectContractSignal), default));

        Assert.False(state.Signal!.HasSignal);
        Assert.Equal([DetectContractSignalNode.NoPdf], state.Signal.Reasons);
        Assert.Equal(SalesEmailOutcomes.Ignored, state.Outcome);
    }

    [Fact]
    public async Task DetectSignal_PdfWithoutContractWords_IsIgnored()
    {
        var pdf = await StoreAsync("scan001.pdf", TextPdf("Quarterly report of the position"));

        var state = Continued(await Detector().ExecuteAsync(State(subject: "Hello", attachments: pdf) with { Email = State().Email with { Subject = "Hello", BodyText = "see attached", Attachments = [pdf] } },
            NodeContexts.For(N.DetectContractSignal), default));

        Assert.Equal([DetectContractSignalNode.NoWords], state.Signal!.Reasons);
        Assert.Equal(SalesEmailOutcomes.Ignored, state.Outcome);
    }

    [Theory]
    [InlineData("采购合同 HD-2026-118", "doc.pdf", "Page one")]
    [InlineData("Hello", "PO 4711.pdf", "Page one")]
    [InlineData("Hello", "doc.pdf", "Purchase Order 4711")]
    public async Task DetectSignal_WordsInSubjectNameOrFirstPage_AreASignal(string subject, string fileName, string pdfText)
    {
        var pdf = await StoreAsync(fileName, TextPdf(pdfText));
        var input = State() with { Email = State().Email with { Subject = subject, BodyText = "", Attachments = [pdf] } };

        var state = Continued(await Detector().ExecuteAsync(input, NodeContexts.For(N.DetectContractSignal), default));

        Assert.True(state.Signal!.HasSignal);
        Assert.True(state.Pdf!.HasTextLayer);
    }

    [Theory]
    [InlineData("采购合同 HD-2026-118", "doc.pdf", 0, "keyword:合同@subject")]
    [InlineData("Hello", "PO 4711.pdf", 0, "keyword:PO@attachment_name")]
    [InlineData("Hello", "doc.pdf", 1, "keyword:purchase order@pdf_first_page")]
    public async Task DetectSignal_LaysOutPage1_OnlyWhenNoWordIsInTheSubjectBodyOrNames(string subject, string fileName, int pageReads, string reason)
    {
        var pdf = await StoreAsync(fileName, TextPdf("Purchase Order 4711"));
        var reader = new CountingPdfTextReader();
        var input = State() with { Email = State().Email with { Subject = subject, BodyText = "", Attachments = [pdf] } };

        var state = Continued(await Detector(reader).ExecuteAsync(input, NodeContexts.For(N.DetectContractSignal), default));

        Assert.Equal(reason, state.Signal!.Reasons.Single(), ignoreCase: true);
        Assert.Equal(pageReads, reader.FirstPageReads);
        Assert.True(state.Pdf!.HasTextLayer);
    }

    private sealed class CountingPdfTextReader : IPdfTextReader
    {
        private readonly PdfPigTextReader _inner = new();

        public int FirstPageReads { get; private set; }

        public bool IsPdf(ReadOnlySpan<byte> content) => _inner.IsPdf(content);

        public PdfTextLayer? ProbeTextLayer(ReadOnlyMemory<byte> content) => _inner.ProbeTextLayer(content);

        public string ReadFirstPage(ReadOnlyMemory<byte> content)
        {
            FirstPageReads++;
            return _inner.ReadFirstPage(content);
        }
    }

    [Fact]
    public async Task ScannedPdf_GoesToReviewNoTextLayer_WithoutCallingDify()
    {
        var scan = await StoreAsync("合同扫描.pdf", ScannedPdf());
        var detected = Continued(await Detector().ExecuteAsync(State(attachments: scan), NodeContexts.For(N.DetectContractSignal), default));
        Assert.False(detected.Pdf!.HasTextLayer);

        var state = Continued(await new CallDifyContractNode(_dify, _metrics).ExecuteAsync(detected, NodeContexts.For(N.CallDifyContract), default));

        Assert.Equal([ReviewReasons.NoTextLayer], state.ReviewReasons);
        Assert.Equal(0, _dify.ContractCalls);
        Assert.Equal(0, _dify.Uploads);
    }

    [Theory]
    [InlineData("buyer@hdjd.com.cn", true, "cu-hd", "sender_domain")]
    [InlineData("someone@qq.com", false, null, "webmail_domain")]
    [InlineData("x@group.example", false, null, "domain_shared_by_several_customers")]
    public async Task MatchCustomer_ByDomainOnlyWhenExactlyOneCustomerOwnsIt_AndNeverWebmail(string sender, bool matched, string? customer, string reason)
    {
        var input = State(from: sender) with { EffectiveSender = sender, Contact = new ContactMatchResult { Matched = false, Method = ContactMatchMethod.None } };

        var state = Continued(await new MatchCustomerNode(_masterdata, PolicyOptions()).ExecuteAsync(input, NodeContexts.For(N.MatchCustomer), default));

        Assert.Equal(matched, state.Customer!.Matched);
        Assert.Equal(customer, state.Customer.CustomerId);
        Assert.Equal([reason], state.Customer.Reasons);
    }

    [Fact]
    public async Task MatchCustomer_DisplayNameAlone_NeverResolves()
    {
        var input = State(from: "boss@gmail.com") with
        {
            EffectiveSender = "boss@gmail.com",
            Email = State().Email with { From = new MailAddress { Name = "上海华东机电有限公司", Address = "boss@gmail.com" } },
            Contact = new ContactMatchResult { Matched = false, Method = ContactMatchMethod.None },
        };

        var state = Continued(await new MatchCustomerNode(_masterdata, PolicyOptions()).ExecuteAsync(input, NodeContexts.For(N.MatchCustomer), default));

        Assert.False(state.Customer!.Matched);
    }

    [Theory]
    [InlineData("华东机电(上海)有限公司", true)]
    [InlineData("Acme Widgets Co., Ltd.", true)]
    [InlineData("上海某某有限公司", false)]
    public async Task ResolveFromContract_BuyerNameCountsOnlyAboveScoreAndMargin(string buyer, bool resolves)
    {
        var matcher = new FuzzyCustomerNameMatcher(Options.Create(new SimilarityOptions()));
        var input = State() with
        {
            Customer = new CustomerMatchResult { Matched = false, Method = CustomerMatchMethod.None },
            Contract = ChineseContract() with { BuyerName = buyer },
        };

        var state = Continued(await new ResolveCustomerFromContractNode(_masterdata, matcher, PolicyOptions()).ExecuteAsync(input, NodeContexts.For(N.ResolveCustomerFromContract), default));

        Assert.Equal(resolves, state.Customer!.Matched);
        Assert.Equal(resolves ? CustomerMatchMethod.BuyerName : CustomerMatchMethod.None, state.Customer.Method);
        Assert.Equal("1000", state.Company?.Code);
    }

    [Fact]
    public async Task OrderPayload_IdentityFromTheLlm_IsAlwaysOverwritten()
    {
        _dify.OrderPayload = ChinesePayload() with { CustomerNum = "EVIL", CompanyCode = "9999", ExternalRef = "llm-ref" };
        var input = State() with
        {
            Customer = new CustomerMatchResult { Matched = true, CustomerId = "cu-hd", Method = CustomerMatchMethod.Contact },
            Company = Snapshot().Companies[0],
            Contract = ChineseContract(),
        };

        var state = Continued(await new CallDifyOrderPayloadNode(_dify, _masterdata, _metrics).ExecuteAsync(input, NodeContexts.For(N.CallDifyOrderPayload), default));

        Assert.Equal("C10001", state.OrderPayload!.CustomerNum);
        Assert.Equal("1000", state.OrderPayload.CompanyCode);
        Assert.NotEqual("llm-ref", state.OrderPayload.ExternalRef);
        Assert.Equal(["MCS-1001", "MCS-1002"], _dify.LastOrderInputs!.CandidateProducts.Select(p => p.Sku));
    }

    [Fact]
    public async Task ValidateOrder_SecondRunWithTheSameCustomerAndContractNo_IsDuplicateContract()
    {
        var journal = new FakeEffectJournal();
        var node = new ValidateOrderNode(_masterdata, new OrderPolicy(PolicyOptions()));
        var input = State() with
        {
            Customer = new CustomerMatchResult { Matched = true, CustomerId = "cu-hd", Method = CustomerMatchMethod.Contact },
            Company = Snapshot().Companies[0],
            OrderPayload = ChinesePayload(),
        };
        var first = Continued(await node.ExecuteAsync(input, NodeContexts.For(N.ValidateOrder, journal), default));
        Assert.Empty(first.ReviewReasons);

        var second = Continued(await node.ExecuteAsync(input, NodeContexts.For(N.ValidateOrder, journal), default));

        Assert.Equal([ReviewReasons.DuplicateContract], second.ReviewReasons);
    }

    [Fact]
    public async Task CallErp_UsesTheLineageEffectKeyAsExternalRef_AndARetryFindsTheSameOrder()
    {
        var lineage = Guid.NewGuid();
        var input = State() with { OrderPayload = ChinesePayload() };
        var node = new CallErpGatewayNode(_erp, _metrics);

        var first = Continued(await node.ExecuteAsync(input, NodeContexts.For(N.CallErpGateway, runId: lineage, lineageId: lineage), default));
        var replay = Continued(await node.ExecuteAsync(input, NodeContexts.For(N.CallErpGateway, lineageId: lineage, attempt: 2), default));

        Assert.StartsWith(lineage.ToString("N") + ":call_erp_gateway:create_order", first.OrderPayload!.ExternalRef, StringComparison.Ordinal);
        Assert.Equal(first.ErpOrder!.OrderNo, replay.ErpOrder!.OrderNo);
        Assert.Equal(1, _erp.Creates);
    }

    [Fact]
    public async Task CallErp_422_FailsWithoutRetry()
    {
        _erp.NextFailure = FakeErpGateway.Rejected();

        var failure = await Assert.ThrowsAsync<NodeFailedException>(() =>
            new CallErpGatewayNode(_erp, _metrics).ExecuteAsync(State() with { OrderPayload = ChinesePayload() }, NodeContexts.For(N.CallErpGateway), default));

        Assert.False(failure.Retryable);
        Assert.Equal("erp_rejected", failure.Code);
    }

    [Fact]
    public async Task NotifySales_SmtpDown_IsAWarningNotAFailure()
    {
        _smtp.Down = true;
        var notifier = new SalesNotifier(_smtp, _masterdata, PolicyOptions(), Options.Create(new SalesEmailNotificationOptions()));
        var input = State() with { Customer = new CustomerMatchResult { Matched = true, CustomerId = "cu-hd", Method = CustomerMatchMethod.Contact }, Outcome = SalesEmailOutcomes.Succeeded };

        var state = Continued(await new NotifySalesNode(notifier).ExecuteAsync(input, NodeContexts.For(N.NotifySales), default));

        Assert.False(state.Notification!.Sent);
        Assert.Contains(state.Warnings, w => w.StartsWith("notification_not_sent", StringComparison.Ordinal));
        Assert.Equal(SalesEmailOutcomes.Succeeded, state.Outcome);
    }

    [Fact]
    public async Task Review_WithoutAKnownSalesperson_TellsTheConfiguredReviewInbox()
    {
        var notifier = new SalesNotifier(_smtp, _masterdata, PolicyOptions(), Options.Create(new SalesEmailNotificationOptions { ReviewInbox = "orders-desk@mcs.example" }));
        var input = State(from: "boss@gmail.com") with
        {
            Customer = new CustomerMatchResult { Matched = false, Method = CustomerMatchMethod.None },
            ReviewReasons = [ReviewReasons.CustomerUnresolved],
        };

        var result = await new ReviewNode(notifier).ExecuteAsync(input, NodeContexts.For(N.Review), default);

        var paused = Assert.IsType<NodeResult<SalesEmailState>.Interrupt>(result).State;
        Assert.True(paused.Notification!.Sent);
        Assert.Empty(paused.Warnings);
        var told = Assert.Single(_smtp.Sent);
        Assert.Equal("orders-desk@mcs.example", told.To);
        Assert.Equal(NotificationKind.ReviewNeeded, told.Kind);
        Assert.Equal([ReviewReasons.CustomerUnresolved], told.Reasons);
    }

    [Fact]
    public async Task ApplyReview_RejectEndsRejected_ApproveWithCorrectionIsValidatedAgain()
    {
        var node = new ApplyReviewNode(_masterdata, new OrderPolicy(PolicyOptions()), _metrics);
        var waiting = State() with
        {
            Customer = new CustomerMatchResult { Matched = true, CustomerId = "cu-hd", Method = CustomerMatchMethod.Contact },
            Company = Snapshot().Companies[0],
            OrderPayload = ChinesePayload() with { TotalAmount = 1m },
            ReviewReasons = [ReviewReasons.TotalMismatch],
        };

        var rejected = Continued(await node.ExecuteAsync(waiting, NodeContexts.For(N.ApplyReview, resumeDecision: new ReviewRequest { Decision = ReviewDecision.Reject, Reviewer = "li", Reason = "not ours" }), default));
        var stillWrong = Continued(await node.ExecuteAsync(waiting, NodeContexts.For(N.ApplyReview, resumeDecision: new ReviewRequest { Decision = ReviewDecision.Approve, Reviewer = "li", Payload = waiting.OrderPayload }), default));
        var corrected = Continued(await node.ExecuteAsync(waiting, NodeContexts.For(N.ApplyReview, resumeDecision: new ReviewRequest { Decision = ReviewDecision.Approve, Reviewer = "li", Payload = ChinesePayload() with { CustomerNum = "EVIL" } }), default));

        Assert.Equal(SalesEmailOutcomes.Rejected, rejected.Outcome);
        Assert.True(stillWrong.ReviewAgain);
        Assert.False(corrected.ReviewAgain);
        Assert.Equal(16000m, corrected.OrderPayload!.TotalAmount);
        Assert.Equal("C10001", corrected.OrderPayload.CustomerNum);
    }
}
