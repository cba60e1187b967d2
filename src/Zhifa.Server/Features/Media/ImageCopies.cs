using SkiaSharp;

namespace Zhifa.Server.Features.Media;

/// <summary>What an image upload yields besides the original: its shown size, a thumbnail, and the copy for outside.</summary>
public sealed record ImageCopies(int Width, int Height, byte[] Thumbnail, byte[] PublicCopy);

/// <summary>
/// Decodes an image once and makes from it the JPEG thumbnail and the copy shown outside the platform.
/// Both are drawn upright (the EXIF orientation applied) and encoded afresh, which leaves every bit of
/// metadata behind: EXIF with its GPS position, XMP, comments. The original is never changed.
/// </summary>
public static class ImageCopiesMaker
{
    public const int ThumbnailEdge = 320;
    private const int ThumbnailQuality = 80;
    private const int PublicQuality = 90;

    // Decoding takes memory in proportion to the pixels; no more images are decoded at once than there are cores.
    private static readonly SemaphoreSlim Decoders = new(Environment.ProcessorCount);

    public static async Task<ImageCopies> MakeAsync(string path, MediaKind kind, long maxPixels, CancellationToken ct)
    {
        await Decoders.WaitAsync(ct);
        try
        {
            return Make(path, kind, maxPixels);
        }
        finally
        {
            Decoders.Release();
        }
    }

    private static ImageCopies Make(string path, MediaKind kind, long maxPixels)
    {
        using var codec = SKCodec.Create(path) ?? throw MediaRefusedException.Unreadable("The image cannot be decoded.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > maxPixels)
            throw new MediaRefusedException(StatusCodes.Status400BadRequest, "media.too_many_pixels",
                $"The image has {width}×{height} pixels; at most {maxPixels:N0} are taken.");
        // Decoded into sRGB, so a wide-gamut photo keeps its colours after the profile is left behind.
        var info = new SKImageInfo(width, height, SKImageInfo.PlatformColorType,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        // A truncated or corrupt file decodes partly and says so; a partial picture is not evidence.
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
            throw MediaRefusedException.Unreadable($"The image does not decode ({result}): it is truncated or corrupt.");
        using var turned = Orientation.Upright(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        // Images made from an immutable bitmap share its pixels instead of copying them (up to 200 MB each).
        upright.SetImmutable();
        return new ImageCopies(upright.Width, upright.Height, Thumbnail(upright), Encode(upright, Format(kind), PublicQuality));
    }

    private static byte[] Thumbnail(SKBitmap image)
    {
        var scale = Math.Min(1.0, (double)ThumbnailEdge / Math.Max(image.Width, image.Height));
        var size = new SKImageInfo(Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)),
            SKImageInfo.PlatformColorType, SKAlphaType.Opaque);
        using var thumbnail = new SKBitmap(size);
        using (var canvas = new SKCanvas(thumbnail))
        using (var source = SKImage.FromBitmap(image))
        {
            // JPEG has no transparency: transparent parts of a PNG or WebP show on white.
            canvas.Clear(SKColors.White);
            canvas.DrawImage(source, new SKRect(0, 0, size.Width, size.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        return Encode(thumbnail, SKEncodedImageFormat.Jpeg, ThumbnailQuality);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return data.ToArray();
    }

    private static SKEncodedImageFormat Format(MediaKind kind) => kind switch
    {
        MediaKind.Png => SKEncodedImageFormat.Png,
        MediaKind.WebP => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Jpeg,
    };
}
