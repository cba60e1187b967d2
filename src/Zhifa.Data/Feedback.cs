namespace Zhifa.Data;

/// <summary>Where a channel wants to hear how its reports ended (办结反馈), and the secret its calls are signed with.</summary>
public sealed class ChannelWebhook
{
    public const int MaxUrlLength = 500;

    public required string Channel { get; init; }
    public required string Url { get; set; }
    /// <summary>The HMAC secret, sealed with Data Protection: the platform needs it back to sign, so it is not hashed.</summary>
    public required string SealedSecret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum DeliveryStatus { Pending, Delivered, Failed }

/// <summary>
/// One call owed to a channel's webhook, written in the same transaction as the change it reports
/// (a transactional outbox), then delivered and retried by the feedback worker.
/// </summary>
public sealed class FeedbackDelivery
{
    public const int MaxErrorLength = 500;

    public Guid Id { get; init; }
    public required string Channel { get; init; }
    public required string Event { get; init; }
    public Guid IncidentId { get; init; }
    public Guid ClueId { get; init; }
    public string? ExternalId { get; init; }
    /// <summary>The JSON body, fixed when the change happened: a retry sends the same bytes, and the same signature input.</summary>
    public required string Payload { get; init; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set while a worker holds the delivery; another worker may take it only after this passes.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
}
