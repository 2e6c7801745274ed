using System.Diagnostics;
using System.Globalization;
using Mcs.EmailListener;
using Mcs.EmailListener.Mime;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mcs.Benchmarks.Mime;

/// <summary>
/// MIME parse throughput on one core: ~200 KB purchase-order mails (Chinese subject and body, one PDF) through the
/// listener's full parse (MimeKit, charset repair, attachment walk, type sniffing, SHA-256s, base64 of the content).
/// </summary>
public sealed class MimeParseBenchmark : IBenchmark
{
    public string Name => "mime";

    public string Description => "MIME → EmailEvent parse throughput (~200 KB mails with a PDF, one core) [--seconds N]";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 1 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var factory = new EmailEventFactory(Options.Create(new EmailListenerOptions { OwnDomains = ["ourco.example"] }));
        var mails = Enumerable.Range(0, 16).Select(BuildMail).ToArray();
        var averageBytes = mails.Average(m => m.Length);
        Console.WriteLine($"messages: {mails.Length} distinct, average {averageBytes / 1024:F0} KB; warming up");
        Measure(factory, mails, TimeSpan.FromSeconds(2), cancellationToken);
        var (count, elapsed) = Measure(factory, mails, TimeSpan.FromSeconds(seconds), cancellationToken);
        var perSecond = count / elapsed.TotalSeconds;
        var megabytes = perSecond * averageBytes / (1024 * 1024);
        Console.WriteLine($"parsed {count} messages in {elapsed.TotalSeconds:F1} s on one thread");
        Console.WriteLine($"mime: {perSecond:F0} messages/s, {megabytes:F1} MB/s, {1000 / perSecond:F2} ms/message (~{averageBytes / 1024:F0} KB with a PDF, one core)");
        return Task.FromResult(0);
    }

    private static (long Count, TimeSpan Elapsed) Measure(EmailEventFactory factory, byte[][] mails, TimeSpan duration, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        while (stopwatch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var raw = mails[count % mails.Length];
            var parsed = factory.Parse(raw, new MailDelivery("bench", "bench", 1, count, DateTimeOffset.UtcNow));
            if (parsed.Event is null || parsed.Event.Attachments.Count != 1)
            {
                throw new InvalidOperationException("The benchmark mail did not parse as expected.");
            }
            count++;
        }
        return (count, stopwatch.Elapsed);
    }

    private static byte[] BuildMail(int index)
    {
        // A PDF-shaped attachment of ~145 KB: base64 makes the whole message ~200 KB, as a scanned one-page order.
        var pdf = new byte[145 * 1024];
        new Random(index).NextBytes(pdf);
        "%PDF-1.7\n"u8.CopyTo(pdf);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("采购部 王经理", "wang@customer.example"));
        message.To.Add(new MailboxAddress("销售", "sales@ourco.example"));
        message.Subject = $"采购订单 PO-2026-{index:D4} / Purchase order";
        message.MessageId = $"po-{index}@customer.example";
        var body = new BodyBuilder
        {
            TextBody = string.Concat(Enumerable.Repeat("您好，附件是本月的采购订单，请确认交期与单价。Please confirm delivery date and prices.\n", 20)),
            HtmlBody = "<html><body><p>您好，附件是本月的采购订单。</p></body></html>",
        };
        body.Attachments.Add($"采购订单-PO-{index}.pdf", pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
