using System.Net.Http.Json;
using Mcs.Contracts;
using Mcs.Contracts.Runs;
using Mcs.EmailListener.Endpoints;
using MimeKit;

namespace Mcs.Tests.Integration;

/// <summary>
/// The listener as the AppHost runs it (local mode: the AppHost's Dovecot, PostgreSQL and orchestrator): a batch of
/// mails delivered around a listener stop (the operator's Stop, or SIGKILL with no shutdown hook) and start is
/// recorded and handed over exactly once: what was recorded before is not repeated, what arrived meanwhile is not lost.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "Integration")]
public class ListenerRestartTests(AppHostFixture fixture)
{
    private const int MailsBeforeCrash = 5;
    private const int MailsWhileDown = 5;

    [Theory(Timeout = AppHostFixture.TestTimeoutMs)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mails_delivered_around_a_listener_stop_or_crash_are_each_recorded_and_run_exactly_once(bool crash)
    {
        var batch = Guid.NewGuid().ToString("N")[..10];
        var messageIds = Enumerable.Range(1, MailsBeforeCrash + MailsWhileDown).Select(i => $"restart-{batch}-{i}@news.example.com").ToList();
        using var listener = fixture.CreateClient(ServiceNames.EmailListener);
        using var runs = fixture.CreateRunsApi();

        foreach (var messageId in messageIds.Take(MailsBeforeCrash))
        {
            await DemoMailbox.AppendAsync(fixture.App, DemoMailbox.Raw(Newsletter(messageId)));
        }
        // Stop as soon as the listener has begun on the batch, so the stop falls in the middle of it.
        await Eventually.UntilAsync(() => BatchRecordsAsync(listener, batch), r => r.Count > 0, "the first mail of the batch to be recorded");
        await (crash ? ResourceControl.KillAsync(fixture, ServiceNames.EmailListener) : ResourceControl.StopAsync(fixture, ServiceNames.EmailListener));
        try
        {
            foreach (var messageId in messageIds.Skip(MailsBeforeCrash))
            {
                await DemoMailbox.AppendAsync(fixture.App, DemoMailbox.Raw(Newsletter(messageId)));
            }
        }
        finally
        {
            await ResourceControl.StartAsync(fixture, ServiceNames.EmailListener);
        }

        var records = await Eventually.UntilAsync(
            () => BatchRecordsAsync(listener, batch),
            r => r.Count >= messageIds.Count && r.All(x => x.Status == "accepted"),
            $"all {messageIds.Count} mails of the batch to be accepted");
        Assert.Equal(messageIds.Order(StringComparer.Ordinal), records.Select(r => r.MessageId!).Order(StringComparer.Ordinal));
        Assert.Equal(records.Count, records.Select(r => r.DedupeKey).Distinct(StringComparer.Ordinal).Count());
        foreach (var messageId in messageIds)
        {
            var run = Assert.Single(await runs.WaitForFinishedAsync(messageId));
            Assert.Equal(RunStatus.Ignored, run.Status);
        }
    }

    /// <summary>Every delivery record of the batch, across all pages of <c>GET /v1/email/records</c>.</summary>
    private static async Task<IReadOnlyList<EmailRecordDto>> BatchRecordsAsync(HttpClient listener, string batch)
    {
        var found = new List<EmailRecordDto>();
        string? cursor = null;
        do
        {
            var page = (await listener.GetFromJsonAsync<PagedList<EmailRecordDto>>(
                $"/v1/email/records?limit={EmailEndpoints.MaxLimit}{(cursor is null ? "" : $"&cursor={cursor}")}", McsJson.Options))!;
            found.AddRange(page.Items.Where(r => r.MessageId?.Contains(batch, StringComparison.Ordinal) == true));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return found;
    }

    /// <summary>A mail with no contract in it: the orchestrator ignores it quickly, which keeps the batch cheap.</summary>
    private static MimeMessage Newsletter(string messageId)
    {
        var message = new MimeMessage { Subject = "Industry weekly: sensor market notes", Date = DateTimeOffset.UtcNow, MessageId = messageId };
        message.From.Add(new MailboxAddress("Industry Weekly", "news@news.example.com"));
        message.To.Add(new MailboxAddress("Sales", "sales@mcs.local"));
        message.Body = new TextPart("plain") { Text = "This week: pressure sensor prices, trade fair dates and a webinar invitation." };
        return message;
    }
}
