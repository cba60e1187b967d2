using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Media;

/// <summary>Photos and videos: uploaded by those who report and handle incidents, read by the platform's people, and published without location.</summary>
public static class MediaEndpoints
{
    // The original is evidence behind sign-in: a browser may keep it but asks again (a cheap 304) before each use.
    private const string PrivateCaching = "private, no-cache";
    // The public copy never changes under its URL; a day lets proxies and browsers serve it.
    private const string PublicCaching = "public, max-age=86400";

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/v1/media").WithTags("Media");
        media.MapPost("/", UploadAsync)
            .RequireAuthorization(AccessPolicies.UploadMedia)
            .RequireRateLimiting(RateLimits.Intake)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload a JPEG, PNG or WebP photo or an MP4 video in the form field 'file'; judged by its content");
        media.MapGet("/{id:guid}", async (Guid id, ZhifaDbContext db, MediaStore store, HttpContext http, CancellationToken ct) =>
                await FindAsync(db, id, ct) is { } m ? Serve(http, store, m.Sha256, m.ContentType, PrivateCaching) : NotFound(id))
            .RequireAuthorization(AccessPolicies.People)
            .WithSummary("The file as it was uploaded, metadata and all");
        media.MapGet("/{id:guid}/thumbnail", async (Guid id, ZhifaDbContext db, MediaStore store, HttpContext http, CancellationToken ct) =>
                await FindAsync(db, id, ct) is { ThumbnailSha256: { } thumbnail } ? Serve(http, store, thumbnail, "image/jpeg", PrivateCaching) : NotFound(id))
            .RequireAuthorization(AccessPolicies.People)
            .WithSummary($"A JPEG of an image, {ImageCopiesMaker.ThumbnailEdge} px on its long side; videos have none");
        app.MapGet(MediaUrls.PublicBase + "/{id:guid}", async (Guid id, string? token, ZhifaDbContext db, MediaStore store, HttpContext http, CancellationToken ct) =>
                await FindAsync(db, id, ct) is { } m && TokenMatches(token, m.PublicToken) ? Serve(http, store, m.PublicSha256, m.ContentType, PublicCaching) : NotFound(id))
            .AllowAnonymous()
            .WithTags("Media")
            .WithSummary("The copy for outside the platform, without location metadata; needs the token of its public URL");
        return app;
    }

    private static async Task<Results<Created<MediaUploaded>, ProblemHttpResult>> UploadAsync(
        HttpContext http, MediaUploads uploads, IOptions<MediaOptions> options, CancellationToken ct)
    {
        // Every other endpoint keeps the server's small body limit; this one raises it for its own request.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.Value.MaxBytes + MultipartUpload.EnvelopeBytes;
        try
        {
            var (file, stored) = await uploads.UploadAsync(http.Request, http.User, http.ActorName(), ct);
            http.Audit().Target = file.Id.ToString();
            http.Audit().Summary = $"{file.ContentType}, {file.Length} bytes, sha256 {file.Sha256}{(stored ? "" : ", bytes kept before")}";
            return TypedResults.Created(MediaUrls.Original(file.Id), MediaUploaded.From(file));
        }
        catch (MediaRefusedException refused)
        {
            http.Audit().Summary = "refused: " + refused.Code;
            return Problems.Problem(refused.Status, refused.Code,
                refused.Status == StatusCodes.Status413PayloadTooLarge ? "The file is too large." : "The request is not valid.", refused.Message,
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [MultipartUpload.Field] = [refused.Message] } });
        }
    }

    private static Task<MediaFile?> FindAsync(ZhifaDbContext db, Guid id, CancellationToken ct) =>
        db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>Compared in constant time, so the answer's timing does not spell the token out.</summary>
    private static bool TokenMatches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(expected));

    /// <summary>A stored file with its hash as the ETag: If-None-Match answers 304 and Range requests work (video seeking).</summary>
    private static IResult Serve(HttpContext http, MediaStore store, string sha256, string contentType, string caching)
    {
        if (store.Existing(sha256) is not { } path)
            return Problems.Problem(StatusCodes.Status404NotFound, "media.content_missing", "Not found.", "The file's content is missing from the store.");
        http.Response.Headers.CacheControl = caching;
        // Served as what the bytes are (nosniff is global); a file opened on its own runs nothing.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.PhysicalFile(path, contentType, entityTag: new EntityTagHeaderValue($"\"{sha256}\""), enableRangeProcessing: true);
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("media.not_found", $"No file has id {id}.");
}

public static class MediaSetup
{
    public static IServiceCollection AddZhifaMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section))
            .Validate(o => o.MaxBytes > 0 && o.MaxPixels > 0, "Media:MaxBytes and Media:MaxPixels must be positive.")
            .ValidateOnStart();
        services.AddSingleton<MediaStore>();
        services.AddScoped<MediaUploads>();
        services.AddScoped<ClueMediaLinks>();
        return services;
    }
}
