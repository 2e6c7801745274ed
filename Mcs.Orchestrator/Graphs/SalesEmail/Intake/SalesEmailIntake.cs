using System.Security.Cryptography;
using Mcs.Contracts.Email;
using Mcs.Orchestrator.Adapters.FileStore;
using Mcs.Orchestrator.Data;
using Mcs.Orchestrator.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mcs.Orchestrator.Graphs.SalesEmail.Intake;

/// <summary>
/// Accepts an <see cref="EmailEvent"/>: stores its attachments (and raw message) in the file store, then creates the
/// run (business key = delivery id) and its index row in one transaction. The same delivery again returns the same
/// run. Files go first because the store is content-addressed (a repeat stores nothing new, an orphan is harmless),
/// so a committed run never points at a missing file.
/// </summary>
public sealed class SalesEmailIntake(IFileStore files, IGraphEngine engine, OrchestratorDbContext db, TimeProvider clock)
{
    public async Task<RunStart> AcceptAsync(EmailEvent email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var existing = await engine.FindRunByBusinessKeyAsync(SalesEmailGraph.Name, email.DeliveryId, cancellationToken);
        if (existing is not null)
        {
            return new RunStart(existing.RunId, false);
        }
        var attachments = new List<AttachmentRef>();
        foreach (var attachment in email.Attachments)
        {
            attachments.Add(await StoreAsync(attachment, cancellationToken));
        }
        string? rawFileId = null;
        if (email.RawBase64 is { } raw)
        {
            rawFileId = (await files.PutAsync(Convert.FromBase64String(raw), "message.eml", "message/rfc822", cancellationToken)).Id;
        }
        var mail = new MailSummary
        {
            DeliveryId = email.DeliveryId,
            DedupeKey = email.DedupeKey,
            MessageId = email.MessageId,
            Mailbox = email.Mailbox,
            ReceivedAt = email.ReceivedAt,
            From = email.From,
            ForwardedFrom = email.ForwardedFrom,
            Subject = email.Subject,
            BodyText = email.BodyText,
            Attachments = attachments,
            RawSha256 = email.RawSha256,
            RawFileId = rawFileId,
        };
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var start = await engine.StartRunAsync(SalesEmailGraph.Name, email.DeliveryId, new SalesEmailState { Email = mail }, db, ct);
            if (start.Created)
            {
                await SalesEmailRunIndex.AddAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), start.RunId, mail, clock.GetUtcNow(), ct);
            }
            await transaction.CommitAsync(ct);
            engine.WakeUp();
            return start;
        }, cancellationToken);
    }

    private async Task<AttachmentRef> StoreAsync(EmailAttachment attachment, CancellationToken cancellationToken)
    {
        string? fileId = null;
        if (attachment.ContentBase64 is { } content)
        {
            var bytes = Convert.FromBase64String(content);
            fileId = (await files.PutAsync(bytes, attachment.Filename, attachment.DetectedType, cancellationToken)).Id;
        }
        return new AttachmentRef
        {
            AttachmentId = attachment.AttachmentId,
            Filename = attachment.Filename,
            ContentType = attachment.ContentType,
            DetectedType = attachment.DetectedType,
            Size = attachment.Size,
            Sha256 = fileId ?? attachment.Sha256,
            FromForwarded = attachment.FromForwarded,
            FileId = fileId,
            OmittedReason = attachment.OmittedReason,
        };
    }

    /// <summary>Field → problems of an event the endpoint must refuse (400/422) before anything is written.</summary>
    public static Dictionary<string, string[]> Validate(EmailEvent email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(email.DeliveryId) || email.DeliveryId.Length > 200)
        {
            errors["delivery_id"] = ["must be 1 to 200 characters"];
        }
        if (string.IsNullOrWhiteSpace(email.DedupeKey) || email.DedupeKey.Length > 500)
        {
            errors["dedupe_key"] = ["must be 1 to 500 characters"];
        }
        if (string.IsNullOrWhiteSpace(email.From.Address))
        {
            errors["from.address"] = ["is required"];
        }
        for (var i = 0; i < email.Attachments.Count; i++)
        {
            var attachment = email.Attachments[i];
            if (attachment.ContentBase64 is not { } content)
            {
                continue;
            }
            var buffer = new byte[(content.Length * 3 / 4) + 3];
            if (!Convert.TryFromBase64String(content, buffer, out var written))
            {
                errors[$"attachments[{i}].content_base64"] = ["is not valid base64"];
            }
            else if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, written))), attachment.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                errors[$"attachments[{i}].sha256"] = ["does not match the content"];
            }
        }
        if (email.RawBase64 is { } raw && !Convert.TryFromBase64String(raw, new byte[(raw.Length * 3 / 4) + 3], out _))
        {
            errors["raw_base64"] = ["is not valid base64"];
        }
        return errors;
    }
}
