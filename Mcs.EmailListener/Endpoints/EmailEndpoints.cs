using System.Globalization;
using Mcs.Contracts;
using Mcs.EmailListener.Data;
using Mcs.EmailListener.Imap;
using Mcs.EmailListener.Mime;
using Mcs.EmailListener.Recording;
using Mcs.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcs.EmailListener.Endpoints;

/// <summary><c>/v1/email</c>: webhook push of raw MIME, poll now, and the delivery records.</summary>
public static class EmailEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapEmailEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/email").WithTags("Email");
        group.MapPost("/webhook", ReceiveWebhookAsync).Accepts<byte[]>("message/rfc822", "application/octet-stream");
        group.MapPost("/poll", RequestPoll);
        group.MapGet("/records", ListRecordsAsync);
        return group;
    }

    /// <summary>A raw MIME message pushed by a mail system: the same path as IMAP mail (record, then outbox).</summary>
    public static async Task<IResult> ReceiveWebhookAsync(
        HttpRequest request, EmailEventFactory factory, MailRecorder recorder, IOptions<EmailListenerOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxMessageBytes;
        if (request.ContentLength > limit)
        {
            return McsProblemDetails.Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, $"The message is over {limit} bytes.");
        }
        var raw = await ReadBodyAsync(request.Body, limit, cancellationToken);
        if (raw is null)
        {
            return McsProblemDetails.Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, $"The message is over {limit} bytes.");
        }
        if (raw.Length == 0)
        {
            return McsProblemDetails.Problem(StatusCodes.Status400BadRequest, EmailListenerErrorCodes.EmptyMessage, "The body must be a raw MIME message.");
        }
        var deliveryId = MailDelivery.NewDeliveryId();
        var parsed = factory.Parse(raw, new MailDelivery(deliveryId, WebhookMailbox.Name, null, null, time.GetUtcNow()));
        if (parsed.IsRejected)
        {
            // The pushing system can still fix and resend: answer it, and record nothing.
            return McsProblemDetails.Problem(StatusCodes.Status422UnprocessableEntity, EmailListenerErrorCodes.EmailRejected,
                $"The message cannot be handed over: {parsed.RejectionReason}.",
                new Dictionary<string, string[]> { ["body"] = [parsed.RejectionReason!] });
        }
        var record = await recorder.RecordWebhookAsync(raw, parsed, deliveryId, cancellationToken);
        return TypedResults.Accepted((string?)null, new WebhookAccepted(record.DeliveryId, record.DedupeKey, StatusName(record.Status)));
    }

    /// <summary>Wakes the watcher of one mailbox (<c>?mailbox=</c>) or of all; each syncs at once.</summary>
    public static Results<Accepted<PollRequested>, ProblemHttpResult> RequestPoll(
        string? mailbox, IOptions<EmailListenerOptions> options, MailboxWakeSignals wakeSignals)
    {
        var configured = options.Value.Mailboxes.Select(m => m.Name).ToList();
        if (mailbox is not null && !configured.Contains(mailbox, StringComparer.Ordinal))
        {
            return (ProblemHttpResult)McsProblemDetails.Problem(StatusCodes.Status404NotFound, EmailListenerErrorCodes.UnknownMailbox,
                $"No mailbox named '{mailbox}' is configured.");
        }
        var woken = mailbox is null ? configured : [mailbox];
        foreach (var name in woken)
        {
            wakeSignals.Wake(name);
        }
        return TypedResults.Accepted((string?)null, new PollRequested(woken));
    }

    /// <summary>Delivery records, oldest first, optionally by <c>?status=</c> and <c>?mailbox=</c>; paged by cursor.</summary>
    public static async Task<Results<Ok<PagedList<EmailRecordDto>>, ProblemHttpResult>> ListRecordsAsync(
        string? status, string? mailbox, int? limit, string? cursor, EmailListenerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        EmailRecordStatus? statusFilter = null;
        if (status is not null)
        {
            if (Enum.TryParse<EmailRecordStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                statusFilter = parsed;
            }
            else
            {
                errors["status"] = ["One of: received, dispatched, accepted, failed, rejected."];
            }
        }
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Between 1 and {MaxLimit}."];
        }
        long after = 0;
        if (cursor is not null && !long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            errors["cursor"] = ["Not a cursor returned by this endpoint."];
        }
        if (errors.Count > 0)
        {
            return (ProblemHttpResult)McsProblemDetails.Problem(StatusCodes.Status400BadRequest, EmailListenerErrorCodes.InvalidQuery,
                "The query is not valid.", errors);
        }
        var query = db.EmailRecords.AsNoTracking().Where(r => r.Id > after);
        if (statusFilter is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }
        if (mailbox is not null)
        {
            query = query.Where(r => r.Mailbox == mailbox);
        }
        var rows = await query.OrderBy(r => r.Id).Take(take + 1)
            .Select(r => new { r.Id, r.DeliveryId, r.Mailbox, r.UidValidity, r.Uid, r.MessageId, r.DedupeKey, r.RawSha256, r.Status, r.Reason, r.Attempts, r.ReceivedAt, r.AcceptedAt, r.NextAttemptAt, r.RunId })
            .ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var items = page.Select(r => new EmailRecordDto
        {
            DeliveryId = r.DeliveryId,
            Mailbox = r.Mailbox,
            UidValidity = r.UidValidity,
            Uid = r.Uid,
            MessageId = r.MessageId,
            DedupeKey = r.DedupeKey,
            RawSha256 = r.RawSha256,
            Status = StatusName(r.Status),
            Reason = r.Reason,
            Attempts = r.Attempts,
            ReceivedAt = r.ReceivedAt,
            AcceptedAt = r.AcceptedAt,
            NextAttemptAt = r.Status is EmailRecordStatus.Received or EmailRecordStatus.Failed ? r.NextAttemptAt : null,
            RunId = r.RunId,
        }).ToList();
        var next = rows.Count > take ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new PagedList<EmailRecordDto>(items, next));
    }

    private static string StatusName(EmailRecordStatus status) => status.ToString().ToLowerInvariant();

    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
