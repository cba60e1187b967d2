using Zhifa.Data;

namespace Zhifa.Server.Features.Media;

/// <summary>The answer to an upload. URLs are relative to the platform's address.</summary>
public sealed record MediaUploaded(Guid Id, string Sha256, string ContentType, long Length, int? Width, int? Height,
    string? ThumbnailUrl, string Url, string PublicUrl)
{
    public static MediaUploaded From(MediaFile m) => new(m.Id, m.Sha256, m.ContentType, m.Length, m.Width, m.Height,
        MediaUrls.Thumbnail(m.Id, m.ThumbnailSha256 is not null), MediaUrls.Original(m.Id), MediaUrls.Public(m));
}

/// <summary>A file as its clue shows it.</summary>
public sealed record MediaLink(Guid Id, string ContentType, string? ThumbnailUrl, string Url);

public static class MediaUrls
{
    public const string PublicBase = "/media/public";

    public static string Original(Guid id) => $"/api/v1/media/{id}";

    public static string? Thumbnail(Guid id, bool hasThumbnail) => hasThumbnail ? $"/api/v1/media/{id}/thumbnail" : null;

    /// <summary>
    /// The copy without location, for people outside the platform (Open311's media_url, webhook feedback).
    /// Only what hands out this URL publishes the file: the id alone, seen inside the platform, is not enough.
    /// </summary>
    public static string Public(MediaFile m) => $"{PublicBase}/{m.Id}?token={m.PublicToken}";
}
