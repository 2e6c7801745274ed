using System.Text;
using Mcs.EmailListener;
using Mcs.EmailListener.Mime;
using Mcs.Tests.Support;
using Microsoft.Extensions.Options;

namespace Mcs.Tests.Unit.EmailListener;

public class EmailEventFactoryTests
{
    private static readonly MailDelivery Delivery = new("delivery-1", "sales", 7, 42, DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static EmailEventFactory Factory(Action<EmailListenerOptions>? configure = null)
    {
        var options = new EmailListenerOptions { OwnDomains = ["ourco.example"] };
        configure?.Invoke(options);
        return new EmailEventFactory(Options.Create(options));
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestDataFiles.Directory("eml"), "*.eml").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void EveryCorpusFile_BecomesAnEventOrARejectionWithAReason(string file)
    {
        var raw = TestDataFiles.Eml(file);
        var parsed = Factory().Parse(raw, Delivery);

        Assert.Equal(MailIdentity.Sha256Hex(raw), parsed.RawSha256);
        Assert.False(string.IsNullOrEmpty(parsed.DedupeKey));
        if (parsed.Event is { } e)
        {
            Assert.Null(parsed.RejectionReason);
            Assert.Contains('@', e.From.Address);
            Assert.Equal(parsed.DedupeKey, e.DedupeKey);
            Assert.Equal("delivery-1", e.DeliveryId);
            Assert.DoesNotContain('\uFFFD', e.Subject);
            Assert.All(e.Attachments, a =>
            {
                Assert.False(string.IsNullOrWhiteSpace(a.Filename));
                Assert.Equal(64, a.Sha256.Length);
                Assert.True(a.ContentBase64 is not null ^ a.OmittedReason is not null);
            });
        }
        else
        {
            Assert.Contains(parsed.RejectionReason, new[] { RejectionReasons.NoSender, RejectionReasons.Unparseable, RejectionReasons.MessageTooLarge });
        }
    }

    [Theory]
    [InlineData("letters_test_chinese_multipart_mixed_gbk_over_base64.eml", "📧 Test 施氏食狮史", "石室诗士施氏")]
    [InlineData("letters_test_chinese_multipart_related_gb18030_over_quoted-printable.eml", "📧 Test 施氏食狮史", "石室诗士施氏")]
    [InlineData("sa_nice_cjk_gb2312-1.eml", "全新原装进口，送货上门，货到付款－台湾鑫龙商贸集团公司向您拜年!", "台湾鑫龙商贸集团公司向您拜年")]
    [InlineData("spamscope_mail_test_12.eml", "代开各地增值税发票", "我公司可代开各类增值税发票")]
    [InlineData("mikel_raw_email_with_partially_quoted_subject.eml", "Re: Test: \"漢字\" mid \"漢字\" tail", "제 이름은 Jamis입니다")]
    [InlineData("emp_chineseContentInHtmlBody.eml", "您好您是如何", "您好您是如何")]
    public void ChineseAndOtherCharsets_AreDecoded(string file, string subject, string bodyFragment)
    {
        var e = Factory().Parse(TestDataFiles.Eml(file), Delivery).Event!;

        Assert.Equal(subject, e.Subject);
        Assert.Contains(bodyFragment, e.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void RawEightBitGb2312Header_IsDecodedWithTheDeclaredCharset()
    {
        var e = Factory().Parse(TestDataFiles.Eml("sa_nice_cjk_gb2312-1.eml"), Delivery).Event!;

        Assert.Equal("台湾鑫龙商贸集团公司", e.From.Name);
    }

    [Theory]
    [InlineData("emp_chineseFileAttachmentFromiPhone.eml", "我是中国人.txt")]
    [InlineData("rspamd_fname.eml", "[삼성생명]2020.08.14 데일리 경제뉴스.pdf")]
    [InlineData("enmime_mime-bad-8bit-filename.eml", "管理.doc")]
    [InlineData("webklex_embedded_email.eml", "testfile.txt")]
    public void AttachmentNames_InRfc2047Rfc2231AndRaw8Bit_AreDecoded(string file, string filename)
    {
        var e = Factory().Parse(TestDataFiles.Eml(file), Delivery).Event!;

        Assert.Contains(e.Attachments, a => a.Filename == filename);
    }

    [Fact]
    public void AttachmentType_IsDetectedFromTheBytes_NotTheLabel()
    {
        var e = Factory().Parse(TestDataFiles.Eml("emp_aolWin8.eml"), Delivery).Event!;

        var pdf = Assert.Single(e.Attachments, a => a.Filename.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Equal("application/octet-stream", pdf.ContentType);
        Assert.Equal("application/pdf", pdf.DetectedType);
        Assert.Equal(MailIdentity.Sha256Hex(Convert.FromBase64String(pdf.ContentBase64!)), pdf.Sha256);
        Assert.Equal(pdf.Size, Convert.FromBase64String(pdf.ContentBase64!).Length);
    }

    [Fact]
    public void AttachedMessages_AreKept_WithTheirOwnAttachmentsMarkedFromForwarded()
    {
        var e = Factory().Parse(TestDataFiles.Eml("webklex_embedded_email.eml"), Delivery).Event!;

        var message = Assert.Single(e.Attachments, a => a.DetectedType == "message/rfc822");
        Assert.False(message.FromForwarded);
        var inner = Assert.Single(e.Attachments, a => a.Filename == "testfile.txt");
        Assert.True(inner.FromForwarded);
    }

    [Fact]
    public void NestedMultipartsAndMessages_AreWalkedCompletely()
    {
        var e = Factory().Parse(TestDataFiles.Eml("postalmime_mimetorture.eml"), Delivery).Event!;

        Assert.True(e.Attachments.Count(a => a.DetectedType == "message/rfc822") >= 8);
        Assert.Contains(e.Attachments, a => a is { Filename: "smiley-3.png", DetectedType: "image/png", FromForwarded: true });
    }

    [Fact]
    public void Tnef_IsUnpacked_AndItsBodyUsed()
    {
        var e = Factory().Parse(TestDataFiles.Eml("mimekit_tnef_ukr.eml"), Delivery).Event!;

        Assert.DoesNotContain(e.Attachments, a => a.DetectedType == "application/ms-tnef");
        Assert.Contains("шостий", e.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlOnlyMail_IsTurnedIntoText()
    {
        const string html = "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Order&nbsp;PO-7</p><p>合同 &amp; 订单</p></body></html>";
        var raw = Mail("Content-Type: text/html; charset=utf-8", html);

        var e = Factory().Parse(raw, Delivery).Event!;

        Assert.Equal("Order PO-7\n\n合同 & 订单", e.BodyText);
    }

    [Fact]
    public void MailFromOurOwnDomain_CarriesTheForwardedSender_FromTheQuotedHeader()
    {
        var body = "请处理\r\n\r\n-----Original Message-----\r\n发件人: 张三 [mailto:zhang.san@customer.example]\r\n主题: 采购订单\r\n";
        var raw = Mail("Content-Type: text/plain; charset=utf-8", body, from: "sales.rep@ourco.example");

        var e = Factory().Parse(raw, Delivery).Event!;

        Assert.Equal("zhang.san@customer.example", e.ForwardedFrom!.Address);
        Assert.Equal("张三", e.ForwardedFrom.Name);
    }

    [Fact]
    public void MailFromOurOwnDomain_CarriesTheForwardedSender_FromTheAttachedMessage()
    {
        var inner = Encoding.UTF8.GetString(Mail("Content-Type: text/plain", "PO attached", from: "buyer@customer.example"));
        var raw = Mail("Content-Type: multipart/mixed; boundary=b1",
            "--b1\r\nContent-Type: text/plain\r\n\r\nFYI\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "\r\n--b1--\r\n",
            from: "sales.rep@ourco.example");

        var e = Factory().Parse(raw, Delivery).Event!;

        Assert.Equal("buyer@customer.example", e.ForwardedFrom!.Address);
    }

    [Fact]
    public void MailFromACustomer_HasNoForwardedSender_EvenWithAQuotedFromLine()
    {
        var raw = Mail("Content-Type: text/plain", "From: someone@else.example\r\n", from: "buyer@customer.example");

        Assert.Null(Factory().Parse(raw, Delivery).Event!.ForwardedFrom);
    }

    [Fact]
    public void DedupeKey_IsTheNormalizedMessageIdPlusSender_OrTheRawHash()
    {
        var withId = Mail("Content-Type: text/plain", "x", messageId: " <ABC.123@Customer.Example>", from: "Buyer@Customer.Example");
        var withoutId = Mail("Content-Type: text/plain", "x", messageId: null);

        Assert.Equal("abc.123@customer.example|buyer@customer.example", Factory().Parse(withId, Delivery).DedupeKey);
        Assert.Equal("sha256:" + MailIdentity.Sha256Hex(withoutId), Factory().Parse(withoutId, Delivery).DedupeKey);
        Assert.Equal("abc@x", MailIdentity.NormalizeMessageId("\r\n <ABC@X>\t"));
    }

    [Fact]
    public void AttachmentsOverTheLimits_AreListedWithAReasonAndNoContent()
    {
        var factory = Factory(o => { o.MaxAttachmentBytes = 100_000; o.MaxInlineAttachmentBytes = 100_000; });

        var e = factory.Parse(TestDataFiles.Eml("emp_aolWin8.eml"), Delivery).Event!;

        var pdf = Assert.Single(e.Attachments, a => a.DetectedType == "application/pdf");
        Assert.Null(pdf.ContentBase64);
        Assert.Equal("inline_total_exceeded", pdf.OmittedReason);
        Assert.Equal(95474, pdf.Size);
        Assert.Equal("attachment_too_large", factory.Parse(TestDataFiles.Eml("mimekit_thunderbird-signed.eml"), Delivery).Event!.Attachments[0].OmittedReason);
    }

    [Fact]
    public void MessageOverTheSizeLimit_IsRejectedWithAReason()
    {
        var parsed = Factory(o => o.MaxMessageBytes = 2048).Parse(TestDataFiles.Eml("emp_aolWin8.eml"), Delivery);

        Assert.Null(parsed.Event);
        Assert.Equal(RejectionReasons.MessageTooLarge, parsed.RejectionReason);
    }

    [Fact]
    public void MailWithoutAnySender_IsRejectedWithAReason()
    {
        var parsed = Factory().Parse(TestDataFiles.Eml("stalwart_malformed_019.eml"), Delivery);

        Assert.Equal(RejectionReasons.NoSender, parsed.RejectionReason);
    }

    [Fact]
    public void OldMacMailWithBareCarriageReturns_IsParsed()
    {
        var e = Factory().Parse(TestDataFiles.Eml("sisimai_mac-cr_lhost-postfix-01.eml"), Delivery).Event!;

        Assert.Equal("Undelivered Mail Returned to Sender", e.Subject);
    }

    private static byte[] Mail(string contentType, string body, string from = "buyer@customer.example", string? messageId = "<m1@customer.example>")
    {
        var id = messageId is null ? "" : $"Message-ID: {messageId}\r\n";
        return Encoding.UTF8.GetBytes($"From: {from}\r\nTo: sales@ourco.example\r\nSubject: t\r\n{id}MIME-Version: 1.0\r\n{contentType}\r\n\r\n{body}");
    }
}
