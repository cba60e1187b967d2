namespace Zhifa.Core.Incidents;

/// <summary>One raw report from one channel (线索). Several clues may make one incident.</summary>
public sealed class Clue
{
    public const int MaxTextLength = 2000;
    public const int MaxExternalIdLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxReporterNameLength = 64;
    public const int MaxReporterPhoneLength = 32;
    /// <summary>Room for a sealed (encrypted) name or phone: the ciphertext is longer than the text.</summary>
    public const int MaxSealedLength = 512;
    /// <summary>A client's Idempotency-Key, prefixed by whose it is (see <see cref="IdempotencyKey"/>).</summary>
    public const int MaxIdempotencyKeyLength = 300;

    public Guid Id { get; init; }
    public Guid IncidentId { get; internal set; }
    public required string Channel { get; init; }
    /// <summary>The channel's own id; (Channel, ExternalId) is unique, which makes intake idempotent.</summary>
    public string? ExternalId { get; init; }
    public required string Text { get; init; }
    public string? MatterCode { get; init; }
    public double Lat { get; init; }
    public double Lon { get; init; }
    public string? Address { get; init; }
    /// <summary>The reporter's name, sealed: encrypted by the server before it is stored, never plain text at rest.</summary>
    public string? ReporterName { get; init; }
    /// <summary>The reporter's phone, sealed like <see cref="ReporterName"/>.</summary>
    public string? ReporterPhone { get; init; }
    /// <summary>The signed-in user who reported it (a grid worker, a dispatcher); null for a channel system.</summary>
    public Guid? SubmittedBy { get; init; }
    /// <summary>
    /// "{reporter}:{key}" from the Idempotency-Key header: unique, so a retried POST finds its first
    /// result. Scoped by reporter because two clients may well pick the same key.
    /// </summary>
    public string? IdempotencyKey { get; init; }
    /// <summary>SHA-256 of the request that used <see cref="IdempotencyKey"/>: a reused key with another body is refused.</summary>
    public string? RequestHash { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>It came in as a repeat report and joined an incident that already existed.</summary>
    public bool Joined { get; internal set; }
}
