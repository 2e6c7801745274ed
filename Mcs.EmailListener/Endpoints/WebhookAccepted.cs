namespace Mcs.EmailListener.Endpoints;

/// <summary>Answer of <c>POST /v1/email/webhook</c>: the delivery was recorded and will be handed over.</summary>
public sealed record WebhookAccepted(string DeliveryId, string DedupeKey, string Status);
