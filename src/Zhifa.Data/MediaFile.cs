namespace Zhifa.Data;

/// <summary>
/// One upload of a photo or video. The bytes live outside the database, content-addressed by their
/// SHA-256, so the same bytes uploaded twice are stored once while each upload keeps its own row
/// (who uploaded it, and when). Rows are never changed or deleted.
/// </summary>
public sealed class MediaFile
{
    public const int HashLength = 64;
    public const int MaxContentTypeLength = 16;
    public const int MaxUploadedByLength = 300;
    public const int TokenLength = 22;

    public Guid Id { get; init; }
    /// <summary>The original's SHA-256 in lower-case hex: its name in the store and its ETag.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Decided by the bytes, never by the client's name or Content-Type.</summary>
    public required string ContentType { get; init; }
    public long Length { get; init; }
    /// <summary>An image's size as it is shown, after its EXIF orientation; null for video.</summary>
    public int? Width { get; init; }
    public int? Height { get; init; }
    /// <summary>The stored JPEG thumbnail of an image; null for video.</summary>
    public string? ThumbnailSha256 { get; init; }
    /// <summary>The copy shown outside the platform, its location metadata removed (the original's hash when there was none to remove).</summary>
    public required string PublicSha256 { get; init; }
    /// <summary>Random, and required with the public copy's URL: knowing an id from inside the platform does not publish the file.</summary>
    public required string PublicToken { get; init; }
    /// <summary>The uploader as the timeline names actors: a user name, or <c>apikey:{name}</c>.</summary>
    public required string UploadedBy { get; init; }
    /// <summary>The uploading user's or channel key's id: only they may attach the file to a clue.</summary>
    public Guid? UploaderId { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>A file attached to a clue, in the order the reporter listed it.</summary>
public sealed class ClueMedia
{
    public Guid ClueId { get; init; }
    public int Position { get; init; }
    public Guid MediaId { get; init; }

    public static IEnumerable<ClueMedia> For(Guid clueId, IEnumerable<Guid>? mediaIds) =>
        (mediaIds ?? []).Select((id, n) => new ClueMedia { ClueId = clueId, Position = n, MediaId = id });
}

/// <summary>
/// A file attached to an entry of an incident's timeline: the photos of a resolution (处置结果) or of an
/// on-site verification, in the order the person listed them.
/// </summary>
public sealed class TimelineMedia
{
    public Guid IncidentId { get; init; }
    public int Seq { get; init; }
    public int Position { get; init; }
    public Guid MediaId { get; init; }

    public static IEnumerable<TimelineMedia> For(Guid incidentId, int seq, IEnumerable<Guid>? mediaIds) =>
        (mediaIds ?? []).Select((id, n) => new TimelineMedia { IncidentId = incidentId, Seq = seq, Position = n, MediaId = id });
}
