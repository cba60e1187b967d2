using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Data;

namespace Zhifa.Server.Features.Media;

/// <summary>
/// Takes an upload: receive it, judge it by its bytes, derive the thumbnail and the copy for outside,
/// store all of them by hash, and record the upload. Bytes uploaded before are not decoded again: the
/// new row shares what the first upload stored and derived.
/// </summary>
public sealed class MediaUploads(ZhifaDbContext db, MediaStore store, IOptions<MediaOptions> options, TimeProvider time)
{
    public async Task<(MediaFile File, bool Stored)> UploadAsync(HttpRequest request, ClaimsPrincipal uploader, string actor, CancellationToken ct)
    {
        var limits = options.Value;
        await using var file = await MultipartUpload.ReceiveAsync(request, store, limits.MaxBytes, ct);
        var kind = MediaKinds.Detect(file.Head) ?? throw new MediaRefusedException(StatusCodes.Status400BadRequest, "media.unsupported_type",
            "Only JPEG, PNG and WebP photos and MP4 videos are taken, judged by their content, not their name.");

        var earlier = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Sha256 == file.Sha256, ct);
        var derived = earlier is not null && store.Has(earlier.PublicSha256) && (earlier.ThumbnailSha256 is null || store.Has(earlier.ThumbnailSha256))
            ? new Derived(earlier.Width, earlier.Height, earlier.ThumbnailSha256, earlier.PublicSha256)
            : await DeriveAsync(kind, file, limits, ct);
        var stored = !store.Has(file.Sha256);
        store.Keep(file.File, file.Sha256);

        var now = time.GetUtcNow();
        var media = new MediaFile
        {
            Id = Guid.CreateVersion7(now),
            Sha256 = file.Sha256,
            ContentType = kind.ContentType(),
            Length = file.Length,
            Width = derived.Width,
            Height = derived.Height,
            ThumbnailSha256 = derived.ThumbnailSha256,
            PublicSha256 = derived.PublicSha256,
            PublicToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            UploadedBy = Core.Text.Truncate(actor, MediaFile.MaxUploadedByLength),
            UploaderId = UploaderOf(uploader),
            UploadedAt = now,
        };
        db.MediaFiles.Add(media);
        // The files are in place before the row: a failure here leaves a file no row names, never a row without its file.
        await db.SaveChangesAsync(ct);
        return (media, stored);
    }

    /// <summary>The user's or channel key's id, as the sign-in put it in the principal.</summary>
    public static Guid? UploaderOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;

    private sealed record Derived(int? Width, int? Height, string? ThumbnailSha256, string PublicSha256);

    private async Task<Derived> DeriveAsync(MediaKind kind, ReceivedFile file, MediaOptions limits, CancellationToken ct)
    {
        if (kind.IsImage())
        {
            var copies = await ImageCopiesMaker.MakeAsync(file.File.Path, kind, limits.MaxPixels, ct);
            return new Derived(copies.Width, copies.Height, await store.WriteAsync(copies.Thumbnail, ct), await store.WriteAsync(copies.PublicCopy, ct));
        }
        return new Derived(null, null, null, await PublicVideoAsync(file, ct));
    }

    /// <summary>The video with its location boxes blanked; the original itself when it records none.</summary>
    private async Task<string> PublicVideoAsync(ReceivedFile file, CancellationToken ct)
    {
        List<Mp4Box> location;
        using (var original = File.OpenHandle(file.File.Path))
            location = Mp4Location.Find(original);
        if (location.Count == 0)
            return file.Sha256;
        await using var copy = store.NewTempFile();
        File.Copy(file.File.Path, copy.Path);
        using (var handle = File.OpenHandle(copy.Path, FileMode.Open, FileAccess.ReadWrite))
        {
            Mp4Location.Blank(handle, location);
            RandomAccess.FlushToDisk(handle);
        }
        string sha256;
        await using (var stream = File.OpenRead(copy.Path))
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        store.Keep(copy, sha256);
        return sha256;
    }
}
